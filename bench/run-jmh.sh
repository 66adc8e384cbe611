#!/usr/bin/env bash
# Runs the JMH micro-benchmarks (never part of `mvn verify`'s test phase).
#   bench/run-jmh.sh                    all benchmarks
#   bench/run-jmh.sh SerdeBenchmark     one class (any JMH regex/options work: -wi 5 -i 5 -f 1 ...)
# Results as JSON go to bench/target/jmh-result.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mvn -B -q -f "$root/pom.xml" -DskipTests install -pl bench -am
cd "$root/bench"
exec java -cp "target/wirewatch-bench.jar:target/lib/*" org.openjdk.jmh.Main -rf json -rff target/jmh-result.json "$@"
