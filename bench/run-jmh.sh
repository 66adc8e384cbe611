#!/usr/bin/env bash
# Runs the JMH micro-benchmarks (never part of `mvn verify`'s test phase), then summarizes them.
#   bench/run-jmh.sh                            all: TaggerBenchmark, SerdeBenchmark, RegistryBenchmark,
#                                               IngestParseBenchmark, EnrichTopologyBenchmark (~7 min on 2 cores)
#   bench/run-jmh.sh TaggerBenchmark            one class (any JMH regex/options work: -wi 5 -i 5 -f 1 ...)
#   BENCH_SKIP_BUILD=1 bench/run-jmh.sh ...     reuse the last build
# Results: bench/target/jmh-result.json (JMH's own) and bench/target/jmh-result.md (tagger/analyzer ratio, MB/s).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  mvn -B -q -f "$root/pom.xml" -DskipTests install -pl bench -am
fi
cd "$root/bench"
cp="target/wirewatch-bench.jar:target/lib/*"
java -cp "$cp" org.openjdk.jmh.Main -rf json -rff target/jmh-result.json "$@"
java -cp "$cp" io.wirewatch.bench.JmhReport target/jmh-result.json
