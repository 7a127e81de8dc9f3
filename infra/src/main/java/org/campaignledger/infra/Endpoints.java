package org.campaignledger.infra;

/** Where the services find their infrastructure: embedded, containers or real clusters alike. */
public record Endpoints(String eventStoreJdbcUrl, String eventStoreUser, String eventStorePassword,
                        String kafkaBootstrapServers, String mongoUri, String authIssuer) {
}
