#!/usr/bin/env bash
# Records the conformance golden files from a real Apache Cassandra 5.0:
# starts the reference Cassandra on an empty data folder, runs GoldenRecorder
# (engine test sources) against it, and stops Cassandra again.
#
#   tools/record-golden.sh [scenario...]     (no names: every scenario)
#
# Env: RINGLET_SHARED   the shared folder (default: ../shared next to the repo root);
#                       the reference scripts are in $RINGLET_SHARED/reference-cassandra
#      REFCASS_PORT     CQL port of the reference (default 9142, see its env.sh)
#      KEEP_RUNNING=1   leave Cassandra running afterwards (e.g. to run the check)
#      NO_START=1       use a Cassandra that is already running; do not start or stop it
#      REFCASS_AUTH=1   start it with --auth (PasswordAuthenticator + CassandraAuthorizer) and
#                       record the authenticated scenarios (auth_*) instead of the others
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${RINGLET_SHARED:-$repo/../shared}
refcass=$shared/reference-cassandra
if [ ! -x "$refcass/start.sh" ]; then
  echo "no reference Cassandra scripts in $refcass (set RINGLET_SHARED)" >&2
  exit 1
fi
port=${REFCASS_PORT:-9142}

cd "$repo"
classpath_file=$repo/engine/target/conformance-classpath.txt
echo "compiling the engine's test sources..."
./mvnw -q -B -pl engine -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

started=
stop_cassandra() {
  if [ -n "$started" ] && [ -z "${KEEP_RUNNING:-}" ]; then
    "$refcass/stop.sh"
  fi
}
trap stop_cassandra EXIT

if [ -z "${NO_START:-}" ]; then
  if [ -n "${REFCASS_AUTH:-}" ]; then
    "$refcass/start.sh" --clean --auth
  else
    "$refcass/start.sh" --clean
  fi
  started=1
  "$refcass/wait-ready.sh"
fi

java -Dlogback.configurationFile="$repo/engine/src/test/resources/conformance/logback-recorder.xml" \
  -cp "$repo/engine/target/test-classes:$repo/engine/target/classes:$(cat "$classpath_file")" \
  dev.ringlet.conformance.GoldenRecorder \
  --target "127.0.0.1:$port" --dir "$repo/engine/src/test/resources/conformance" \
  ${REFCASS_AUTH:+--authenticated} "$@"
