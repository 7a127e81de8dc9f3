#!/usr/bin/env bash
# Pipeline benchmark on its own embedded stack (free ports, temporary data directory, simulated clock): command
# throughput and latency, end-to-end lag, projection throughput while a backlog drains, AQ-1 verification time.
# Prints a markdown table and appends it to docs/benchmarks.md. Options (all optional): --clients 4, --warmup 100,
# --commands 500, --lag-probes 30, --backlog-small 500, --backlog-large 2000, --aq1-events 200,
# --aq1-reads 20, --record docs/benchmarks.md, --no-record. Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")"
jar=infra/target/infra-0.1.0-SNAPSHOT-exec.jar
[ -f "$jar" ] || ./mvnw -B -q -ntp -DskipTests package
exec java -cp "$jar" -Dloader.main=org.campaignledger.infra.bench.PipelineBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
