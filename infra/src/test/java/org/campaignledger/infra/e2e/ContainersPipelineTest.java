package org.campaignledger.infra.e2e;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The same pipeline contract on real PostgreSQL, MongoDB and Kafka images; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class ContainersPipelineTest extends PipelineEndToEndContract {
    @Override
    protected LedgerEnvironment environment() {
        return ContainersEnvironment.shared();
    }
}
