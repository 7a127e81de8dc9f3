package org.campaignledger.infra.e2e;

/** The pipeline on the embedded default: real Kafka (KRaft), real PostgreSQL, the MongoDB-wire server. */
class EmbeddedPipelineTest extends PipelineEndToEndContract {
    @Override
    protected LedgerEnvironment environment() {
        return EmbeddedEnvironment.shared();
    }
}
