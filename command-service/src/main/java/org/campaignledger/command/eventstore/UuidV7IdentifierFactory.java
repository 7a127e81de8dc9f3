package org.campaignledger.command.eventstore;

import org.axonframework.common.IdentifierFactory;
import org.campaignledger.kernel.id.UuidV7;

/** Makes every Axon message id, and so every eventId, a UUIDv7 (DOMAIN §3.2). Loaded through ServiceLoader. */
public class UuidV7IdentifierFactory extends IdentifierFactory {
    @Override
    public String generateIdentifier() {
        return UuidV7.next().toString();
    }
}
