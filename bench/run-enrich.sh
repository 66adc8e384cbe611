#!/usr/bin/env bash
# Enrich alone on the embedded broker: stories/s, CPU seconds (enrich; broker + this JVM) and latency to
# news.enriched, for one or more variants back to back in one run (a fresh enrich JVM, -Xmx256m, each).
#   bench/run-enrich.sh                                       the default settings
#   bench/run-enrich.sh --variant gzip --variant lz4:streams.producer.compression.type=lz4 --rounds 2
#   bench/run-enrich.sh --variant old:classpath=/tmp/old-lib/*  --variant new    (compare two builds)
#   BENCH_SKIP_BUILD=1 bench/run-enrich.sh ...                reuse the last build
# Report: bench/target/enrich-bench/report.md; enrich logs under bench/target/enrich-bench/logs/.
exec "$(dirname "${BASH_SOURCE[0]}")/run-main.sh" io.wirewatch.bench.e2e.EnrichBenchmark "$@"
