package org.campaignledger.kernel.envelope;

/**
 * Header names of records on {@code ledger.events.v1}. CloudEvents binary mode ({@code ce_*}) names the
 * event; the {@code ledger_*} headers carry the rest of the envelope, metadata entries under
 * {@link #META_PREFIX}.
 */
public final class KafkaHeaders {
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CE_TIME = "ce_time";
    public static final String PAYLOAD_TYPE = "ledger_payload_type";
    public static final String REVISION = "ledger_revision";
    public static final String AGGREGATE_TYPE = "ledger_aggregate_type";
    public static final String AGGREGATE_ID = "ledger_aggregate_id";
    public static final String AGGREGATE_SEQUENCE = "ledger_aggregate_sequence";
    public static final String GLOBAL_SEQUENCE = "ledger_global_sequence";
    public static final String META_PREFIX = "ledger_meta_";

    private KafkaHeaders() {
    }
}
