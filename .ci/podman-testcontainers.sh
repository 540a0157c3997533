#!/usr/bin/env bash
# Rootful podman as the Docker-API engine for Testcontainers, on a Debian 12 machine that has no
# Docker engine and no container registry. Run as root. The project's copy (CI runs from a fresh
# clone); .ci/run calls it before ./mvnw verify, and the container tests fail, never skip, when the
# engine cannot be set up. Changes from the shared original: a root check, a final Docker-API check
# with a clear message, a java check of the base image that cannot fail by itself (the original's
# "podman run | head -1" fails under pipefail when podman writes into the closed pipe), and a
# teardown that stops only an API service this script started and leaves other people's
# containers alone.
#   bash podman-testcontainers.sh setup          # packages, config, API socket, base image (~70 s fresh)
#   eval "$(bash podman-testcontainers.sh env)"  # DOCKER_HOST + TESTCONTAINERS_* for this shell
#   ... build the image FROM localhost/local/jre17, run the tests ...
#   bash podman-testcontainers.sh teardown       # remove containers/networks, stop the API service
# Tunables: IMAGE (default local/jre17), REBUILD=1, WORKDIR (default /var/tmp/podman-tc).
# Known limits: no Ryuk (disabled), Wait.forHealthcheck() does not work (no systemd): wait on a
# port, a log line or a CQL query instead; no tc netem in the kernel.
set -euo pipefail
IMAGE=${IMAGE:-local/jre17}
WORKDIR=${WORKDIR:-/var/tmp/podman-tc}
SOCK=/run/podman/podman.sock

die() {
  echo "podman-testcontainers: $*" >&2
  exit 1
}

setup() {
  [ "$(id -u)" = 0 ] || die "setup must run as root (rootful podman); run: sudo bash $0 setup"
  mkdir -p "$WORKDIR" /run/podman
  # 1. packages (~15 s). iptables is only "Suggested" by podman, but netavark needs it for -p.
  if ! command -v podman >/dev/null || ! command -v runc >/dev/null \
     || ! command -v iptables >/dev/null || ! command -v debootstrap >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq podman runc netavark aardvark-dns iptables debootstrap >"$WORKDIR/apt.log" 2>&1
  fi

  # 2. podman config for this VM:
  #  - cgroup v1/v2 hybrid host: crun refuses ("cgroups in hybrid mode not supported"); runc works.
  #  - no CAP_SYS_RESOURCE: podman's default rlimits (nofile/nproc 1048576) fail with EPERM;
  #    podman caps its own RLIMIT_NPROC at 32768, so that is the ceiling for containers.
  local hn hu
  hn=$(ulimit -Hn); hu=$(ulimit -Hu)
  [ "$hu" = unlimited ] && hu=32768
  [ "$hu" -gt 32768 ] && hu=32768
  cat > /etc/containers/containers.conf <<CONF
[containers]
default_ulimits = ["nofile=$hn:$hn", "nproc=$hu:$hu"]

[engine]
runtime = "runc"
CONF

  # 3. Docker-compatible API socket (podman 4.3.1 speaks Docker API 1.41).
  if ! curl -fsS --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; then
    nohup podman system service --time=0 "unix://$SOCK" >"$WORKDIR/podman-service.log" 2>&1 &
    # recorded only when this script starts the service: teardown stops nothing it did not start
    echo $! > "$WORKDIR/podman-service.pid"
    for _ in $(seq 100); do
      curl -fsS --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1 && break
      sleep 0.1
    done
  fi
  curl -fsS --unix-socket "$SOCK" http://d/_ping >/dev/null \
    || die "the Docker API does not answer on $SOCK (see $WORKDIR/podman-service.log)"

  # 4. Base image from Debian packages (~45 s debootstrap + ~10 s import; ~318 MB).
  if [ "${REBUILD:-0}" = 1 ] || ! podman image exists "$IMAGE"; then
    local mirror r
    mirror=$(awk '/^URIs:/{for(i=2;i<=NF;i++) if ($i ~ /\/debian\/?$/) {print $i; exit}}' \
             /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
    [ -n "$mirror" ] || mirror=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if ($i ~ /^https?:.*\/debian\/?$/) {print $i; exit}}' \
             /etc/apt/sources.list | head -1)
    r="$WORKDIR/rootfs"
    rm -rf "$r"
    debootstrap --variant=minbase --include=openjdk-17-jre-headless,netcat-openbsd \
      bookworm "$r" "$mirror" >"$WORKDIR/debootstrap.log" 2>&1
    # leave no mirror hostname, apt state or docs in the image
    rm -rf "$r"/etc/apt/sources.list "$r"/var/log/bootstrap.log "$r"/var/lib/apt/lists/* \
           "$r"/var/cache/apt/* "$r"/usr/share/doc/* "$r"/usr/share/man/* "$r"/usr/share/locale/* \
           "$r"/usr/share/info/* "$r"/usr/lib/dpkg/methods/apt
    tar -C "$r" -c . | podman import --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
        --change 'CMD ["/bin/bash"]' - "$IMAGE" >/dev/null
    rm -rf "$r" "$WORKDIR/debootstrap.log"   # the log names the mirror
  fi
  # not "podman run ... | head -1": with pipefail, podman writing into the closed pipe fails (126)
  local version
  version=$(podman run --rm "$IMAGE" java -version 2>&1) || die "the base image $IMAGE cannot run java: $version"
  echo "${version%%$'\n'*}"
}

env_() {
  cat <<ENV
export DOCKER_HOST=unix://$SOCK
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
export TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE=$IMAGE
ENV
}

teardown() {
  # Testcontainers removes its containers and networks when tests end (Ryuk is disabled here);
  # a machine shared with other builds keeps its own containers.
  if [ -f "$WORKDIR/podman-service.pid" ]; then
    kill "$(cat "$WORKDIR/podman-service.pid")" 2>/dev/null || true
    rm -f "$WORKDIR/podman-service.pid"
  fi
}

case "${1:-}" in
  setup) setup ;;
  env) env_ ;;
  teardown) teardown ;;
  *) echo "usage: $0 setup|env|teardown" >&2; exit 2 ;;
esac
