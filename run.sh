#!/usr/bin/env bash
# Starts the whole system on the embedded default: builds the jars (tests skipped), then launches Kafka (KRaft),
# PostgreSQL, the MongoDB-wire server, the identity provider, command-service and query-service.
# Options: --wipe drops all data under the data directory first. Settings: see README "Running it".
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -ntp -DskipTests install
exec java -jar infra/target/infra-0.1.0-SNAPSHOT-exec.jar "$@"
