#!/bin/sh
# Builds the Ringlet image from the context Maven prepared (target/image: Containerfile,
# entrypoint.sh, ringlet.jar) with a daemonless builder (podman, the default) or docker.
#   build-image.sh BUILDER CONTEXT TAG BASE_IMAGE
# Called by the build in phase pre-integration-test; skipped with -Dringlet.containers.skip=true.
set -eu
builder=$1 context=$2 tag=$3 base=$4
if ! command -v "$builder" >/dev/null 2>&1; then
  cat >&2 <<MSG
ERROR: '$builder' is not installed, so the Ringlet image and the container tests cannot be built.
  - on Debian as root, set up rootful podman as CI does:  bash .ci/podman-testcontainers.sh setup
    and build with its environment:  eval "\$(bash .ci/podman-testcontainers.sh env)"
  - with Docker instead:  ./mvnw verify -Dringlet.image.builder=docker
  - or build and test everything else:  ./mvnw verify -Dringlet.containers.skip=true
MSG
  exit 1
fi
echo "Building image $tag FROM $base with $builder"
"$builder" build --quiet --build-arg "BASE_IMAGE=$base" --tag "$tag" --file "$context/Containerfile" "$context"
