#!/usr/bin/env bash
# Builds wabridge and runs the whole pipeline in one JVM: in-process Kafka (data in ./.wabridge),
# the services and the sandbox fakes. Ctrl-C stops everything. Needs only Java 17.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests -pl local-runner -am package
jar=$(ls local-runner/target/local-runner-*-exec.jar | head -n 1)
exec java ${JAVA_OPTS:--Xmx512m} -jar "$jar" "$@"
