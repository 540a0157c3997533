#!/usr/bin/env bash
# Starts, checks and stops a reference Apache Cassandra 5.0 cluster of N nodes (2-3) on one
# machine, node i on 127.0.0.i, to record what 5.0 does across replicas (tracing, warnings).
# Each node is started by the shared reference scripts' start.sh, with its own data folder, JMX
# port and a cassandra.yaml generated from the shared template, every node seeded by node 1.
#
#   tools/reference-cluster.sh start [--clean] [--nodes N]   start nodes 1..N one after another,
#                                                            each once the previous one is ready
#   tools/reference-cluster.sh wait-ready [--nodes N]        wait until every node accepts clients
#   tools/reference-cluster.sh status [--nodes N]            print each node's pid (or "stopped")
#   tools/reference-cluster.sh stop [--nodes N]              stop every node (last one first)
#
# --clean deletes the nodes' data folders first (an empty cluster). N defaults to $REFCASS_NODES
# or 2. Every node uses the same CQL and storage ports, on its own address.
#
# Env: RINGLET_SHARED        the shared folder (default: ../shared next to the repo root)
#      REFCASS_CLUSTER_DATA  the cluster's folder (default /tmp/refcass-cluster): node i's data in
#                            node<i>/, its generated yaml in conf/node<i>.yaml
#      REFCASS_PORT          CQL port of every node (default 9142)
#      REFCASS_STORAGE_PORT  storage port of every node (default 7100; ssl storage: +1)
#      REFCASS_JMX_PORT      JMX port of node 1 (default 7299); node i gets this + 100 * (i - 1)
#      REFCASS_HEAP          heap of each node (default 768M)
#      REFCASS_NODES         N when --nodes is not given
#      REFCASS_JVM_OPTS, REFCASS_JAVA, REFCASS_LIB: as for the shared start.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${RINGLET_SHARED:-$repo/../shared}
refcass=$shared/reference-cassandra
if [ ! -x "$refcass/start.sh" ]; then
  echo "no reference Cassandra scripts in $refcass (set RINGLET_SHARED)" >&2
  exit 1
fi

command=${1:-}
[ $# -gt 0 ] && shift
clean=
nodes=${REFCASS_NODES:-2}
while [ $# -gt 0 ]; do
  case "$1" in
    --clean) clean=--clean ;;
    --nodes) nodes=${2:?--nodes needs a number}; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
case "$nodes" in
  2|3) ;;
  *) echo "--nodes must be 2 or 3 (got $nodes)" >&2; exit 2 ;;
esac

base=${REFCASS_CLUSTER_DATA:-/tmp/refcass-cluster}
port=${REFCASS_PORT:-9142}
storage_port=${REFCASS_STORAGE_PORT:-7100}
jmx_port=${REFCASS_JMX_PORT:-7299}
export REFCASS_HEAP=${REFCASS_HEAP:-768M}
export REFCASS_PORT=$port REFCASS_STORAGE_PORT=$storage_port

# Runs a shared script ($1) for node $2 with that node's address, data folder and JMX port.
node_env() {
  local script=$1 i=$2
  shift 2
  REFCASS_HOST=127.0.0.$i REFCASS_DATA=$base/node$i REFCASS_JMX_PORT=$((jmx_port + 100 * (i - 1))) \
    "$refcass/$script" "$@"
}

# Writes node $1's cassandra.yaml from the shared template: its own address and folders, node 1
# as the seed, and no bootstrap for the others (the cluster starts empty).
write_yaml() {
  local i=$1 data=$base/node$i
  mkdir -p "$base/conf"
  sed -e "s|seeds: \"@HOST@:@STORAGE_PORT@\"|seeds: \"127.0.0.1:$storage_port\"|" \
      -e "s|@DATA@|$data|g" \
      -e "s|@HOST@|127.0.0.$i|g" \
      -e "s|@PORT@|$port|g" \
      -e "s|@STORAGE_PORT@|$storage_port|g" \
      -e "s|@SSL_STORAGE_PORT@|$((storage_port + 1))|g" \
      -e "s|@AUTHENTICATOR@|AllowAllAuthenticator|g" \
      -e "s|@AUTHORIZER@|AllowAllAuthorizer|g" \
      "$refcass/conf/cassandra.yaml.in" > "$base/conf/node$i.yaml"
  if ! grep -q "seeds: \"127.0.0.1:$storage_port\"" "$base/conf/node$i.yaml"; then
    echo "the shared cassandra.yaml.in has no seeds line to replace" >&2
    exit 1
  fi
  if [ "$i" -gt 1 ]; then
    printf '\n# reference-cluster.sh: an empty cluster, nothing to stream\nauto_bootstrap: false\n' \
      >> "$base/conf/node$i.yaml"
  fi
}

case "$command" in
  start)
    for ((i = 1; i <= nodes; i++)); do
      write_yaml "$i"
      # start.sh writes its own single-node yaml; a later -Dcassandra.config wins over its own.
      REFCASS_JVM_OPTS="${REFCASS_JVM_OPTS:-} -Dcassandra.config=file://$base/conf/node$i.yaml" \
        node_env start.sh "$i" $clean >/dev/null
      node_env wait-ready.sh "$i" "${REFCASS_WAIT_TIMEOUT:-180}"
    done
    ;;
  wait-ready)
    for ((i = 1; i <= nodes; i++)); do
      node_env wait-ready.sh "$i" "${REFCASS_WAIT_TIMEOUT:-180}"
    done
    ;;
  status)
    for ((i = 1; i <= nodes; i++)); do
      pid=$(REFCASS_DATA=$base/node$i bash -c "source '$refcass/env.sh'; refcass_live_pid")
      echo "node $i 127.0.0.$i:$port: ${pid:-stopped}"
    done
    ;;
  stop)
    for ((i = nodes; i >= 1; i--)); do
      node_env stop.sh "$i"
    done
    ;;
  *)
    echo "usage: $0 start [--clean] [--nodes N] | wait-ready | status | stop [--nodes N]" >&2
    exit 2
    ;;
esac
