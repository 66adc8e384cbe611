#!/usr/bin/env bash
# Summarizes JFR recordings of the end-to-end benchmark (bench/run-e2e.sh --jfr): busiest threads, hottest methods
# by self and total CPU samples.
#   bench/jfr-hot.sh                               every recording under bench/target/e2e/jfr/
#   bench/jfr-hot.sh --top 40 --filter io.wirewatch bench/target/e2e/jfr/eos-enrich.jfr
set -euo pipefail
cd "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -eq 0 ] || [[ "${!#}" != *.jfr ]]; then
  set -- "$@" target/e2e/jfr/*.jfr
fi
exec java -cp "target/wirewatch-bench.jar:target/lib/*" io.wirewatch.bench.e2e.JfrHotMethods "$@"
