#!/usr/bin/env bash
# Builds the container image with Jib (Quarkus container-image extension), without Docker, and
# saves it as an image tarball: target/image/loop-crm-<version>.tar (load it with `podman load`
# or `docker load`, or push it with skopeo). Jib hands the image to podman (Debian package), which
# stands in for a Docker daemon. The base is the local JRE 17 image of base-image.sh.
# To push to your registry instead: docs/operations.md, "Container image".
set -euo pipefail
cd "$(dirname "$0")/../.."

deploy/image/base-image.sh
./mvnw -B -q package -Dmaven.test.skip=true \
  -Dquarkus.container-image.build=true \
  -Dquarkus.jib.base-jvm-image=tar://target/image/base-jre17.tar \
  -Dquarkus.jib.docker-executable-name=podman
version=$(./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout)
image=registry.example.com/loopcrm/loop-crm:$version
rm -f "target/image/loop-crm-$version.tar"
podman save --format docker-archive -o "target/image/loop-crm-$version.tar" "$image" >/dev/null
echo "[loop] $image saved to target/image/loop-crm-$version.tar ($(du -h "target/image/loop-crm-$version.tar" | cut -f1))"
