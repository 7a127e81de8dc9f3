package org.campaignledger.kernel.person;

/**
 * Why a person's personal data was shredded. A closed list rather than free text, so the event that records the
 * shredding cannot itself carry personal data.
 */
public enum ShreddingReason {
    /** The person asked for erasure. */
    SUBJECT_REQUEST,
    /** The retention period set by law or policy has ended. */
    RETENTION_ENDED,
    /** The data should never have been collected. */
    UNLAWFULLY_COLLECTED,
    /** A court or supervisory authority ordered erasure. */
    LEGAL_ORDER
}
