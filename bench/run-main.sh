#!/usr/bin/env bash
# Builds the bench module and what it needs (skip with BENCH_SKIP_BUILD=1), then runs one of its main classes with
# the bench jar and its dependencies; the run-*.sh scripts call it.
#   bench/run-main.sh io.wirewatch.bench.e2e.EndToEndBenchmark [options]
# JVM options of the benchmark's own JVM: BENCH_JAVA_OPTS (default -Xmx2g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
main="${1:?usage: bench/run-main.sh MAIN_CLASS [ARGS...]}"
shift
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "Building the bench module and what it needs (skip with BENCH_SKIP_BUILD=1)..." >&2
  mvn -B -q -f "$root/pom.xml" -DskipTests install -pl bench -am
fi
cd "$root/bench"
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "target/wirewatch-bench.jar:target/lib/*" "$main" "$@"
