#!/usr/bin/env bash
# End-to-end benchmark: ingest -> enrich -> sink, each in its own JVM (-Xmx256m), on an embedded Kafka broker,
# schema registry and PostgreSQL, against a raw Kafka pipe carrying the same stories in the same run.
#   bench/run-e2e.sh                         default run (4,000 timed stories, both guarantees; ~4-5 min on 2 cores)
#   bench/run-e2e.sh -n 10000 --rates 200    more stories, one latency rate; any option of --help
#   bench/run-e2e.sh --jfr                   also record each service with JFR (then: bench/jfr-hot.sh)
#   BENCH_SKIP_BUILD=1 bench/run-e2e.sh      reuse the last build
# Reports: bench/target/e2e/report.md and report.json; service logs in bench/target/e2e/logs/.
exec "$(dirname "${BASH_SOURCE[0]}")/run-main.sh" io.wirewatch.bench.e2e.EndToEndBenchmark "$@"
