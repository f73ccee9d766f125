#!/usr/bin/env bash
# Builds the harness (and only the modules it needs) and runs it; arguments go to the harness:
#   bench/run.sh                      all scenarios, full profile (about 10 minutes)
#   bench/run.sh --quick              all scenarios, short phases (about 2 minutes)
#   bench/run.sh --scenario ingress   one scenario
# Results: a table on standard output, JSON in bench/target/bench/. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests
exec java -jar bench/target/wabridge-bench.jar "$@"
