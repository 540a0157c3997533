#!/bin/sh
# Run once while the image is built: starts the server until it is ready, stops it with SIGTERM,
# and lets the JVM write the classes it loaded to a class-data-sharing archive
# (/opt/ringlet/ringlet.jsa). Containers map that archive instead of loading and verifying the same
# classes again, which takes about a quarter off the start time. Removes itself afterwards.
set -eu
archive=/opt/ringlet/ringlet.jsa
out=$(mktemp)
# shellcheck disable=SC2086
java -XX:ArchiveClassesAtExit="$archive" ${JAVA_OPTS:-} -jar /opt/ringlet/ringlet.jar \
  --address 127.0.0.1 --port 0 >"$out" 2>&1 &
pid=$!
tries=0
until grep -q '^Ringlet ready' "$out"; do
  tries=$((tries + 1))
  if [ "$tries" -gt 1200 ] || ! kill -0 "$pid" 2>/dev/null; then
    echo "train-cds: the server did not become ready:" >&2
    cat "$out" >&2
    exit 1
  fi
  sleep 0.05
done
kill -TERM "$pid"
wait "$pid" || true   # 143: stopped by SIGTERM, as asked
[ -s "$archive" ] || { echo "train-cds: no archive written:" >&2; cat "$out" >&2; exit 1; }
rm -f "$out" "$0"
