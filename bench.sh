#!/usr/bin/env bash
# Pipeline benchmark on its own embedded stack (free ports, temporary data directory, simulated clock): command
# throughput and latency, end-to-end lag, projection throughput while a backlog drains, AQ-1 verification time, each
# with its ratio to a baseline of the raw stores taken in the same run (raw JDBC append, Kafka producer, MongoDB
# writes). Prints a markdown table and appends it to docs/benchmarks.md. The services' JVM flags can be replaced with
# LEDGER_STACK_COMMAND_SERVICE_JVM_OPTIONS / LEDGER_STACK_QUERY_SERVICE_JVM_OPTIONS. Options (all optional): --clients 4, --warmup 100,
# --commands 500, --lag-probes 30, --backlog-small 500, --backlog-large 2000, --aq1-events 200,
# --aq1-reads 20, --record docs/benchmarks.md, --no-record. Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")"
jar=infra/target/infra-0.1.0-SNAPSHOT-exec.jar
[ -f "$jar" ] || ./mvnw -B -q -ntp -DskipTests package
exec java -cp "$jar" -Dloader.main=org.campaignledger.infra.bench.PipelineBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
