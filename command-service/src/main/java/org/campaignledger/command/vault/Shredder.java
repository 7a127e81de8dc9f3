package org.campaignledger.command.vault;

/**
 * Crypto-shredding of whole vault subjects (DOMAIN §3.6): the subject's data key is destroyed, its entries stay as
 * unreadable ciphertext, and no event is touched. Joins the command's transaction like every vault write.
 */
public interface Shredder {

    KeyState state(String subject);

    /** Destroys the key of an {@link KeyState#ACTIVE} subject; does nothing for any other. */
    void shred(String subject);

    enum KeyState {
        /** The vault never stored anything under this subject. */
        NONE,
        ACTIVE,
        SHREDDED
    }
}
