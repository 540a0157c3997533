#!/bin/sh
# Maps environment variables in the spirit of the official Cassandra image to Ringlet's server
# flags, then runs the server as PID 1 (it stops cleanly on SIGTERM). Arguments given to the
# container that start with "-" are passed to the server after the mapped flags (and win).
#
#   CASSANDRA_CLUSTER_NAME    --cluster-name   (default "Ringlet Cluster")
#   CASSANDRA_DC              --datacenter     (default datacenter1)
#   CASSANDRA_RACK            --rack           (default rack1)
#   CASSANDRA_LISTEN_ADDRESS  --address        (default "auto": the container's first IP address)
#   RINGLET_RELEASE_VERSION   --release-version (default 5.0.9)
#   CASSANDRA_NUM_TOKENS      --num-tokens     (vnodes per node; default 16)
#   CASSANDRA_AUTHENTICATOR   --authenticator  (PasswordAuthenticator; AllowAllAuthenticator, the
#                                               default, passes nothing)
#   RINGLET_DATA_DIR          --data-dir       (durable mode, e.g. /var/lib/ringlet)
#   RINGLET_USER_DEFINED_FUNCTIONS  true: --enable-user-defined-functions (CREATE FUNCTION; Java
#                             bodies need a JDK in the image)
#   RINGLET_USER_DEFINED_FUNCTIONS_WARN_TIMEOUT  --user-defined-functions-warn-timeout (ms; 500)
#   RINGLET_USER_DEFINED_FUNCTIONS_FAIL_TIMEOUT  --user-defined-functions-fail-timeout (ms; 1500)
#   RINGLET_USER_FUNCTION_TIMEOUT_POLICY         --user-function-timeout-policy (die, die_immediate,
#                                               ignore; default die)
#   RINGLET_TOMBSTONE_WARN_THRESHOLD     --tombstone-warn-threshold (1000)
#   RINGLET_TOMBSTONE_FAILURE_THRESHOLD  --tombstone-failure-threshold (100000)
#   RINGLET_MATERIALIZED_VIEWS  true: --enable-materialized-views (CREATE MATERIALIZED VIEW)
#   RINGLET_TLS_KEYSTORE      --tls-keystore   (client-to-node TLS: a PKCS12 or JKS keystore in the
#                                               container; CQL is then served only over TLS)
#   RINGLET_TLS_KEYSTORE_PASSWORD  --tls-keystore-password
#   CASSANDRA_SEEDS           --seeds          (clusters across containers: TCP cluster transport)
#   JAVA_OPTS                 JVM options (the image's default maps its class-data-sharing
#                             archive, /opt/ringlet/ringlet.jsa; keep that option when replacing it)
#
# The server prints "Ringlet ready: ADDRESS:9042 (...)" once drivers can connect.
set -eu

# As the Cassandra image does: a first argument that is not an option is a command to run instead
# (podman run -it ringlet:... sh).
if [ "$#" -gt 0 ] && [ "${1#-}" = "$1" ]; then
  exec "$@"
fi

set -- --port 9042 "$@"

address=${CASSANDRA_LISTEN_ADDRESS:-auto}
if [ "$address" = auto ]; then
  # The first address of the container's interfaces (what the Cassandra image calls "auto").
  address=$(hostname -I 2>/dev/null | awk '{print $1}')
  [ -n "$address" ] || address=$(hostname -i | awk '{print $1}')
fi
set -- --address "$address" "$@"

[ -z "${CASSANDRA_CLUSTER_NAME:-}" ] || set -- --cluster-name "$CASSANDRA_CLUSTER_NAME" "$@"
[ -z "${CASSANDRA_DC:-}" ] || set -- --datacenter "$CASSANDRA_DC" "$@"
[ -z "${CASSANDRA_RACK:-}" ] || set -- --rack "$CASSANDRA_RACK" "$@"
[ -z "${CASSANDRA_NUM_TOKENS:-}" ] || set -- --num-tokens "$CASSANDRA_NUM_TOKENS" "$@"
[ -z "${CASSANDRA_SEEDS:-}" ] || set -- --seeds "$CASSANDRA_SEEDS" "$@"
[ -z "${RINGLET_RELEASE_VERSION:-}" ] || set -- --release-version "$RINGLET_RELEASE_VERSION" "$@"
[ -z "${RINGLET_DATA_DIR:-}" ] || set -- --data-dir "$RINGLET_DATA_DIR" "$@"

case "${RINGLET_USER_DEFINED_FUNCTIONS:-false}" in
  true) set -- --enable-user-defined-functions "$@" ;;
  false) ;;
  *) echo "RINGLET_USER_DEFINED_FUNCTIONS: $RINGLET_USER_DEFINED_FUNCTIONS (expected: true or false)" >&2; exit 2 ;;
esac

[ -z "${RINGLET_USER_DEFINED_FUNCTIONS_WARN_TIMEOUT:-}" ] \
  || set -- --user-defined-functions-warn-timeout "$RINGLET_USER_DEFINED_FUNCTIONS_WARN_TIMEOUT" "$@"
[ -z "${RINGLET_USER_DEFINED_FUNCTIONS_FAIL_TIMEOUT:-}" ] \
  || set -- --user-defined-functions-fail-timeout "$RINGLET_USER_DEFINED_FUNCTIONS_FAIL_TIMEOUT" "$@"
[ -z "${RINGLET_USER_FUNCTION_TIMEOUT_POLICY:-}" ] \
  || set -- --user-function-timeout-policy "$RINGLET_USER_FUNCTION_TIMEOUT_POLICY" "$@"
[ -z "${RINGLET_TOMBSTONE_WARN_THRESHOLD:-}" ] \
  || set -- --tombstone-warn-threshold "$RINGLET_TOMBSTONE_WARN_THRESHOLD" "$@"
[ -z "${RINGLET_TOMBSTONE_FAILURE_THRESHOLD:-}" ] \
  || set -- --tombstone-failure-threshold "$RINGLET_TOMBSTONE_FAILURE_THRESHOLD" "$@"

case "${RINGLET_MATERIALIZED_VIEWS:-false}" in
  true) set -- --enable-materialized-views "$@" ;;
  false) ;;
  *) echo "RINGLET_MATERIALIZED_VIEWS: $RINGLET_MATERIALIZED_VIEWS (expected: true or false)" >&2; exit 2 ;;
esac

if [ -n "${RINGLET_TLS_KEYSTORE:-}" ]; then
  set -- --tls-keystore "$RINGLET_TLS_KEYSTORE" --tls-keystore-password "${RINGLET_TLS_KEYSTORE_PASSWORD:-}" "$@"
fi

case "${CASSANDRA_AUTHENTICATOR:-AllowAllAuthenticator}" in
  AllowAllAuthenticator|org.apache.cassandra.auth.AllowAllAuthenticator) ;;
  *) set -- --authenticator "$CASSANDRA_AUTHENTICATOR" "$@" ;;
esac

# JAVA_OPTS is split on spaces on purpose, as the Cassandra image does with JVM_OPTS.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar /opt/ringlet/ringlet.jar "$@"
