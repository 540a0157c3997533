#!/usr/bin/env bash
# Runs Ringlet's benchmark suite and writes a markdown table of medians and ratios.
# See docs/benchmarks.md. Usage:
#   tools/bench.sh [--reps N] [--requests N] [--quick] [--cassandra] [--no-build] [--no-jmh] [--update-docs]
#
#   --reps N        repetitions of each measurement (fresh JVMs for start-up); default 3
#   --requests N    measured requests per load case; default 50000 (warm-up: 40 %)
#   --quick         reps 1, 10000 requests, short JMH: a smoke run, not a result
#   --cassandra     also measure Apache Cassandra 5.0 at 127.0.0.1:${REFCASS_PORT:-9142}, started (--clean)
#                   and stopped by the reference scripts (which read REFCASS_PORT, REFCASS_STORAGE_PORT,
#                   REFCASS_JMX_PORT and REFCASS_DATA: export your own when others may run one too);
#                   needs ~1.5 GB and their fetch-lib.sh done once. Its start to ready is measured, and
#                   the test-suite workload starts it again inside its own timing (start-up included)
#   --no-build      use the jars already built
#   --no-jmh        skip the JMH micro-benchmarks
#   --update-docs   replace the results section of docs/benchmarks.md with this run's table
#   --no-cluster    skip the 3-node / 6-node cluster measurements
#   --soak MINUTES  also run the soak (mixed load on in-JVM Ringlet, 32 in flight) for MINUTES
#   --appcds        also run the default test-suite workload in a test JVM that maps an AppCDS archive
#                   (-XX:SharedArchiveFile) of the classes one training run of it loaded
#                   (-XX:ArchiveClassesAtExit): an opt-in of the user's, reported as its own series
#                   (suite/ringlet-appcds/...) beside the default one, never in its place
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
REPS=3
REQUESTS=50000
QUICK=0
CASSANDRA=0
BUILD=1
JMH=1
UPDATE_DOCS=0
CLUSTER=1
SOAK=0
APPCDS=0
REFERENCE="${RINGLET_REFERENCE_SCRIPTS:-/work/shared/reference-cassandra}"
# --cassandra starts with --clean: never in the data folder golden files are recorded in.
export REFCASS_DATA="${REFCASS_DATA:-$HOME/.ringlet-reference/data-bench}"
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) REPS="$2"; shift ;;
    --requests) REQUESTS="$2"; shift ;;
    --quick) QUICK=1 ;;
    --cassandra) CASSANDRA=1 ;;
    --no-build) BUILD=0 ;;
    --no-jmh) JMH=0 ;;
    --update-docs) UPDATE_DOCS=1 ;;
    --no-cluster) CLUSTER=0 ;;
    --soak) SOAK="$2"; shift ;;
    --appcds) APPCDS=1 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$QUICK" = 1 ]; then REPS=1; REQUESTS=10000; fi
# The machine may be shared: the 1-minute load averages seen during the run go into the title.
LOADS="$(cut -d' ' -f1 /proc/loadavg)"
load_mark() { LOADS="$LOADS $(cut -d' ' -f1 /proc/loadavg)"; echo "   (load average $(cut -d' ' -f1-3 /proc/loadavg))"; }
WARMUP=$((REQUESTS * 2 / 5))
JMH_OPTS=(-f 1 -wi 3 -i 5 -w 1s -r 1s)
[ "$QUICK" = 1 ] && JMH_OPTS=(-f 1 -wi 1 -i 2 -w 1s -r 1s)

if [ "$BUILD" = 1 ]; then
  echo "== build"
  # One reactor, no install: a snapshot installed into ~/.m2 would leak into other checkouts.
  ./mvnw -q -B -Pbench -pl wire-protocol,engine,benchmarks package -DskipTests
fi

JAR="$ROOT/benchmarks/target/ringlet-benchmarks.jar"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/benchmarks/target/bench-results/$STAMP"
mkdir -p "$OUT"
R="$OUT/results.tsv"
JAVA="${JAVA:-java}"
bench() { "$JAVA" -Xmx1g -jar "$JAR" "$@" --results "$R"; }
# Start-up as applications get it: the published engine jar (Netty relocated inside, with its own
# logger factory) ahead of the benchmarks jar, whose unshaded engine classes it hides.
ENGINE_JAR="$(ls "$ROOT"/engine/target/ringlet-engine-*.jar | grep -v -e '-unshaded' -e '/original-' | head -1)"
bench_published() { "$JAVA" -Xmx1g -cp "$ENGINE_JAR:$JAR" dev.ringlet.bench.BenchMain "$@" --results "$R"; }

TARGETS="noop,ringlet,jar"
if [ "$CASSANDRA" = 1 ]; then
  echo "== starting Apache Cassandra (reference scripts, --clean)"
  C0=$(date +%s%N)
  "$REFERENCE/start.sh" --clean
  trap '"$REFERENCE/stop.sh"' EXIT
  "$REFERENCE/wait-ready.sh" 180
  printf 'cassandra/start_to_ready_ms\t%s\tms\n' "$(( ($(date +%s%N) - C0) / 1000000 ))" >>"$R"
  TARGETS="$TARGETS,cassandra"
fi

echo "== start-up and footprint ($REPS fresh JVMs each)"
load_mark
for _ in $(seq "$REPS"); do bench_published startup --later 10 >/dev/null; done
bench jar-startup --runs "$((REPS * 2 - 1))" >/dev/null
for _ in $(seq "$REPS"); do bench footprint --nodes 20 >/dev/null; done

if [ "$CLUSTER" = 1 ]; then
  echo "== clusters: 3 nodes, 6 nodes in 2 DCs; RF=3 QUORUM load on 3 nodes ($REPS fresh JVMs)"
  load_mark
  for _ in $(seq "$REPS"); do bench cluster --later 5 --requests "$REQUESTS" --warmup "$WARMUP" | grep -v '^RESULT'; done
fi

echo "== load: prepared insert/select at 128 in flight, $REQUESTS requests, targets $TARGETS, $REPS reps"
load_mark
# The order of the targets rotates between repetitions so that none is always measured first
# (in a JVM whose driver code is still being compiled) or last.
ORDER="$TARGETS"
for _ in $(seq "$REPS"); do
  bench load --targets "$ORDER" --workloads insert,select --concurrency 128 \
    --requests "$REQUESTS" --warmup "$WARMUP" | grep -v '^RESULT'
  ORDER="${ORDER#*,},${ORDER%%,*}"
done
echo "== load: other workloads, concurrency 1 and 128, one rep"
load_mark
bench load --targets "$TARGETS" --workloads slice,scan,lwt,batch --concurrency 1,128 \
  --requests "$((REQUESTS / 5))" --warmup "$((WARMUP / 5))" | grep -v '^RESULT'

echo "== test-suite workload"
load_mark
for _ in $(seq "$REPS"); do bench suite --target ringlet >/dev/null; done
# The set-up's DDL as the JUnit extension runs schema scripts (no schema metadata on the set-up
# session), its own series (suite/ringlet-script/...)
for _ in $(seq "$REPS"); do bench suite --target ringlet --setup script >/dev/null; done
# ... and in a test JVM that compiles with C1 only (suite/ringlet-script-c1/...)
for _ in $(seq "$REPS"); do "$JAVA" -Xmx1g -XX:TieredStopAtLevel=1 -jar "$JAR" suite --target ringlet --setup script --results "$R" >/dev/null; done
if [ "$APPCDS" = 1 ]; then
  # Opt-in: one training run writes the archive of the classes it loaded (its results are not kept),
  # then the default workload maps it (suite/ringlet-appcds/...); the runs without it are above.
  "$JAVA" -Xmx1g -XX:ArchiveClassesAtExit="$OUT/suite.jsa" -jar "$JAR" suite --target ringlet --results "$OUT/appcds-training.tsv" >/dev/null 2>&1
  for _ in $(seq "$REPS"); do "$JAVA" -Xmx1g -XX:SharedArchiveFile="$OUT/suite.jsa" -jar "$JAR" suite --target ringlet --results "$R" >/dev/null; done
fi
if [ "$CASSANDRA" = 1 ]; then
  # Start-up included, as a test run pays it: the suite itself starts Cassandra (start.sh --clean,
  # wait-ready.sh) inside its timing and stops it at the end; the same 200 tests as Ringlet's.
  "$REFERENCE/stop.sh"
  bench suite --target cassandra --start-cassandra >/dev/null
  bench suite --target cassandra --start-cassandra --setup script >/dev/null   # stopped again by the one before
  "$JAVA" -Xmx1g -XX:TieredStopAtLevel=1 -jar "$JAR" suite --target cassandra --start-cassandra --setup script --results "$R" >/dev/null
  # Fairness: Cassandra's fastest reset through a driver, the 5 TRUNCATEs of a test all in flight
  # (suite/cassandra-concurrent-truncate/...), judged against Ringlet's default series
  bench suite --target cassandra --start-cassandra --reset truncate-concurrent >/dev/null
fi

JMH_CSV=""
if [ "$JMH" = 1 ]; then
  echo "== JMH"
  load_mark
  "$JAVA" -cp "$JAR" org.openjdk.jmh.Main "${JMH_OPTS[@]}" -rf csv -rff "$OUT/jmh.csv" >"$OUT/jmh.txt" 2>&1
  JMH_CSV="--jmh $OUT/jmh.csv"
fi

if [ "$SOAK" != 0 ]; then
  echo "== soak: $SOAK minutes, 32 in flight"
  load_mark
  bench soak --minutes "$SOAK" --concurrency 32 | grep -v '^RESULT'
fi

load_mark
TITLE="$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, 1-min load averages during the run: $LOADS, $(uname -m), $("$JAVA" -version 2>&1 | head -1 | tr -d '"'), reps $REPS, $REQUESTS requests"
# shellcheck disable=SC2086
"$JAVA" -jar "$JAR" report --results "$R" $JMH_CSV --out "$OUT/report.md" --title "$TITLE" >/dev/null
echo "== report: $OUT/report.md"
cat "$OUT/report.md"

if [ "$UPDATE_DOCS" = 1 ]; then
  DOC="$ROOT/docs/benchmarks.md"
  awk -v table="$OUT/report.md" '
    /<!-- results:start -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- results:end -->/ { skip = 0 }
    !skip { print }' "$DOC" >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"
  echo "== updated $DOC"
fi
