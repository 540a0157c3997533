#!/bin/sh
# Builds the Ringlet image from the context Maven prepared (target/image: Containerfile,
# entrypoint.sh, ringlet.jar) with a daemonless builder (podman, the default) or docker.
#   build-image.sh BUILDER CONTEXT TAG BASE_IMAGE
# Called by the build in phase pre-integration-test; skipped with -Dringlet.containers.skip=true.
#
# Environment:
#   RINGLET_CONTAINERS=required  no builder is an error (CI sets this: container tests never skip there)
#   (unset)                      no builder: a loud warning, the marker file CONTEXT/NO_ENGINE, and the
#                                container tests report themselves skipped, so `./mvnw verify` works on a
#                                machine with only a JDK
#   RINGLET_IMAGE_BASE           overrides BASE_IMAGE (CI: localhost/local/jre17, made from Debian packages)
set -eu
builder=$1 context=$2 tag=$3 base=${RINGLET_IMAGE_BASE:-$4}
rm -f "$context/NO_ENGINE"
if ! command -v "$builder" >/dev/null 2>&1; then
  advice="  - on Debian as root, set up rootful podman as CI does:  bash .ci/podman-testcontainers.sh setup
    and build with its environment:  eval \"\$(bash .ci/podman-testcontainers.sh env)\"
  - with Docker instead:  ./mvnw verify -Dringlet.image.builder=docker
  - or leave the container module out:  ./mvnw verify -Dringlet.containers.skip=true"
  if [ "${RINGLET_CONTAINERS:-}" = required ]; then
    printf "ERROR: '%s' is not installed, so the Ringlet image and the container tests cannot be built.\n%s\n" "$builder" "$advice" >&2
    exit 1
  fi
  printf "%s\n" "$builder" > "$context/NO_ENGINE"
  cat >&2 <<MSG
################################################################################################
WARNING: '$builder' is not installed: the Ringlet image is NOT built and the container tests are
SKIPPED on this machine (CI sets RINGLET_CONTAINERS=required and runs them). To run them:
$advice
################################################################################################
MSG
  exit 0
fi
echo "Building image $tag FROM $base with $builder"
"$builder" build --quiet --build-arg "BASE_IMAGE=$base" --tag "$tag" --file "$context/Containerfile" "$context"
