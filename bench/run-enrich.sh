#!/usr/bin/env bash
# Enrich alone on the embedded broker: stories/s, CPU seconds (enrich; broker + this JVM) and latency to
# news.enriched, for one or more variants back to back in one run (a fresh enrich JVM, -Xmx256m, each).
#   bench/run-enrich.sh                                       the default settings
#   bench/run-enrich.sh --variant gzip --variant lz4:streams.producer.compression.type=lz4 --rounds 2
#   bench/run-enrich.sh --variant old:classpath=/tmp/old-lib/*  --variant new    (compare two builds)
#   BENCH_SKIP_BUILD=1 bench/run-enrich.sh ...                reuse the last build
# Report: bench/target/enrich-bench/report.md; enrich logs under bench/target/enrich-bench/logs/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "Building the bench module and what it needs (skip with BENCH_SKIP_BUILD=1)..." >&2
  mvn -B -q -f "$root/pom.xml" -DskipTests install -pl bench -am
fi
cd "$root/bench"
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "target/wirewatch-bench.jar:target/lib/*" \
  io.wirewatch.bench.e2e.EnrichBenchmark "$@"
