#!/usr/bin/env bash
# Loads the KENLI_DEMO demo county (DOMAIN §8, Stage 1) into the stack started by ./run.sh, through the command
# API only. Options (all optional): --scale 1.0, --seed 2014, --threads 4, --with-members, --command-url,
# --query-url, --auth-url, --secret-suffix. Re-running it sends the same commandIds and stores nothing new.
set -euo pipefail
cd "$(dirname "$0")"
jar=infra/target/infra-0.1.0-SNAPSHOT-exec.jar
[ -f "$jar" ] || ./mvnw -B -q -ntp -DskipTests install
exec java -cp "$jar" -Dloader.main=org.campaignledger.infra.demo.DemoCountyGenerator \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
