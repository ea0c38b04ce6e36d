#!/usr/bin/env bash
# Builds the four Latchkey native images and tags them <prefix>/<service>:<version>.
#
#   deploy/docker/build-images.sh                      # latchkey/<service>:$(git describe)
#   LATCHKEY_VERSION=0.1.0 deploy/docker/build-images.sh
#   LATCHKEY_VERSION=dev LATCHKEY_SERVICES="device-service gateway" deploy/docker/build-images.sh
#   LATCHKEY_IMAGE_PREFIX=registry.example.com/latchkey LATCHKEY_PUSH=1 deploy/docker/build-images.sh
#
# Environment:
#   LATCHKEY_VERSION       image tag (default: `git describe --tags --always --dirty`, else "dev")
#   LATCHKEY_IMAGE_PREFIX  repository prefix (default: latchkey)
#   LATCHKEY_SERVICES      space-separated subset to build (default: all four)
#   LATCHKEY_PUSH          1 to push each image after building it
#   NATIVE_IMAGE_XMX       heap for the native-image compiler (e.g. 6g); default: Quarkus' choice
#   CONTAINER_CLI          docker (default) or podman
#
# The build context is the repository root; the Dockerfile is deploy/docker/Dockerfile.native.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DOCKERFILE="$ROOT/deploy/docker/Dockerfile.native"
CLI="${CONTAINER_CLI:-docker}"
PREFIX="${LATCHKEY_IMAGE_PREFIX:-latchkey}"

if [ -n "${LATCHKEY_VERSION:-}" ]; then
  VERSION="$LATCHKEY_VERSION"
else
  VERSION="$(git -C "$ROOT" describe --tags --always --dirty 2>/dev/null || echo dev)"
fi
# Docker tags: [A-Za-z0-9_.-], at most 128 characters, not starting with '.' or '-'.
VERSION="$(printf '%s' "$VERSION" | tr -c 'A-Za-z0-9_.-' '-' | cut -c1-128)"
case "$VERSION" in ''|.*|-*) echo "invalid image tag: '$VERSION'" >&2; exit 1 ;; esac

port_of() {
  case "$1" in
    gateway) echo 8080 ;;
    token-service) echo 8081 ;;
    device-service) echo 8082 ;;
    consent-service) echo 8083 ;;
    *) echo "unknown service: $1 (expected token-service, device-service, consent-service or gateway)" >&2; return 1 ;;
  esac
}

if ! cmp -s "$ROOT/deploy/docker/.dockerignore" "$ROOT/deploy/docker/Dockerfile.native.dockerignore"; then
  echo "warning: deploy/docker/.dockerignore and Dockerfile.native.dockerignore differ; BuildKit uses the latter" >&2
fi

ignore_args=()
if [ "$CLI" = "podman" ] || [ "$CLI" = "buildah" ]; then
  # Buildah does not pick up <Dockerfile>.dockerignore by itself.
  ignore_args=(--ignorefile "$ROOT/deploy/docker/Dockerfile.native.dockerignore")
else
  export DOCKER_BUILDKIT=1   # cache mounts and the per-Dockerfile .dockerignore need BuildKit
fi

for service in ${LATCHKEY_SERVICES:-token-service device-service consent-service gateway}; do
  port="$(port_of "$service")"
  image="$PREFIX/$service:$VERSION"
  echo "==> building $image (port $port)"
  "$CLI" build ${ignore_args[@]+"${ignore_args[@]}"} \
    -f "$DOCKERFILE" \
    --build-arg SERVICE="$service" \
    --build-arg PORT="$port" \
    ${NATIVE_IMAGE_XMX:+--build-arg NATIVE_IMAGE_XMX="$NATIVE_IMAGE_XMX"} \
    -t "$image" \
    "$ROOT"
  if [ "${LATCHKEY_PUSH:-0}" = "1" ]; then
    "$CLI" push "$image"
  fi
done

echo "Built (tag $VERSION):"
for service in ${LATCHKEY_SERVICES:-token-service device-service consent-service gateway}; do
  echo "  $PREFIX/$service:$VERSION"
done
