#!/usr/bin/env bash
# Records the single-node goldens of the cross-driver check from the reference Cassandra 5.0:
# runs tools/drivers/check.py and check.js against a reference node that is already running
# (see ../shared/reference-cassandra; start it with start.sh --clean on your own ports) and writes
# examples/src/test/resources/drivers/{python,nodejs}-node.golden.
#
#   REFCASS_PORT=9142 NODE_PATH=<dir>/node_modules tools/drivers/record.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
port=${REFCASS_PORT:-9142}
goldens=$repo/examples/src/test/resources/drivers
mkdir -p "$goldens"
/usr/bin/python3 "$repo/tools/drivers/check.py" --host 127.0.0.1 --port "$port" --mode node </dev/null \
  > "$goldens/python-node.golden"
node "$repo/tools/drivers/check.js" --host 127.0.0.1 --port "$port" --mode node </dev/null \
  > "$goldens/nodejs-node.golden"
echo "recorded $goldens/python-node.golden and nodejs-node.golden from 127.0.0.1:$port"
