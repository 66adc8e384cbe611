#!/usr/bin/env bash
# Debian packages for the registry's interop check (registry/src/test/.../InteropIT): the Python Confluent client
# (librdkafka-based confluent_kafka with its legacy Avro serializer, Apache Avro for Python) and kcat, which
# ../shared/tools/interop/test/e2e.sh uses when present (Python producer/consumer, raw-byte negative cases).
# Without them e2e.sh still runs its node clients (installed from npm by the test itself).
# Idempotent; needs root (CI and the dev machines run as root). Usage: scripts/install-interop-deps.sh
set -euo pipefail
packages=(python3-confluent-kafka python3-avro python3-requests kcat)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "interop deps present: ${packages[*]}"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-interop-deps: need root to apt-get install ${missing[*]}; the interop check runs without them" >&2
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
/usr/bin/python3 -c "import confluent_kafka.avro, avro; print('interop deps ok: confluent_kafka', confluent_kafka.version()[0], 'librdkafka', confluent_kafka.libversion()[0])"
