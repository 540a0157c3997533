#!/usr/bin/env bash
# CI: installs the non-Java drivers the cross-driver check runs (examples' CrossDriverCheckTest,
# tools/drivers/): Debian's python3-cassandra (with python3-lz4 for its lz4 compression) through
# apt, and the npm cassandra-driver into a cache folder, then prints the line to eval that points
# the test at it (RINGLET_NODE_MODULES) and makes a missing driver fail it (RINGLET_DRIVERS=required).
#
#   drivers_env=$(bash .ci/drivers.sh) && eval "$drivers_env"   # sets RINGLET_NODE_MODULES
#
# Each step is skipped when its driver is already there (a warm machine costs nothing); a failed
# install makes CI fail here instead of skipping the check. Cold: about 15 s (apt) + 5 s (npm).
set -euo pipefail
cache=${RINGLET_DRIVERS_CACHE:-$HOME/.cache/ringlet-drivers}
node_driver_version=${NODE_DRIVER_VERSION:-4.10.0}

if ! /usr/bin/python3 -c 'import cassandra, lz4' >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { echo "python3-cassandra missing and not root: run sudo apt-get install python3-cassandra python3-lz4" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq python3-cassandra python3-lz4 >"${TMPDIR:-/tmp}/ringlet-drivers-apt.log" 2>&1 \
    || { tail -20 "${TMPDIR:-/tmp}/ringlet-drivers-apt.log" >&2; exit 1; }
fi
/usr/bin/python3 -c 'import cassandra; print("python driver", cassandra.__version__)' >&2

installed=$(node -p "require('$cache/node_modules/cassandra-driver/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$node_driver_version" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --no-save --silent "cassandra-driver@$node_driver_version" >&2
fi
echo "node.js driver $(node -p "require('$cache/node_modules/cassandra-driver/package.json').version")" >&2
echo "export RINGLET_NODE_MODULES=$cache/node_modules RINGLET_DRIVERS=required"
