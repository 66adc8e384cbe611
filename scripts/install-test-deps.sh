#!/usr/bin/env bash
# Debian packages some integration tests use when present (they skip, saying why, without them):
# - the registry's interop check (registry/src/test/.../InteropIT): the Python Confluent client (librdkafka-based
#   confluent_kafka with its legacy Avro serializer, Apache Avro for Python) and kcat, which
#   ../shared/tools/interop/test/e2e.sh uses (Python producer/consumer, raw-byte negative cases); its node clients
#   are installed from npm by the test itself;
# - docker-compose, whose `config` validates docker-compose.yml without a Docker engine (cli DockerComposeIT).
# Idempotent; needs root (CI and the dev machines run as root). Usage: scripts/install-test-deps.sh
set -euo pipefail
packages=(python3-confluent-kafka python3-avro python3-requests kcat docker-compose)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "test deps present: ${packages[*]}"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-test-deps: need root to apt-get install ${missing[*]}; the tests that need them skip" >&2
  exit 0
fi
# a failure here must not stop the build: the tests that need these packages skip and say why
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"; }; then
  echo "install-test-deps: could not install ${missing[*]}; the tests that need them skip" >&2
  exit 0
fi
/usr/bin/python3 -c "import confluent_kafka.avro, avro; print('interop deps ok: confluent_kafka', confluent_kafka.version()[0], 'librdkafka', confluent_kafka.libversion()[0])" || true
docker-compose version --short 2>/dev/null || true
