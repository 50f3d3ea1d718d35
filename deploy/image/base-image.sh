#!/usr/bin/env bash
# Builds the image's base without a container registry: a minimal Debian 12 with the OpenJDK 17
# runtime, made with debootstrap from this machine's own Debian mirror, saved as an image tarball
# (target/image/base-jre17.tar) that Jib builds on (quarkus.jib.base-jvm-image=tar://...).
# Where a registry is reachable, leave this out: Jib then uses Quarkus's default JRE 17 base image.
# Needs root, debootstrap and podman (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/../.."

out=target/image/base-jre17.tar
[ -s "$out" ] && { echo "[loop] base image exists: $out"; exit 0; }
mkdir -p target/image
# the mirror this machine's apt already uses (no host name of ours)
mirror=$( (cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {print $2}';
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '/^deb / {print $2}') \
  | grep -E '/debian/?$' | head -1 || true)
[ -n "$mirror" ] || { echo "[loop] no Debian mirror in the apt sources" >&2; exit 1; }
root=$(mktemp -d /tmp/loop-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
echo "[loop] debootstrap bookworm with openjdk-17-jre-headless (a few minutes)"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,tzdata \
  bookworm "$root" "$mirror" >/dev/null
# what a runtime does not need
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc \
  "$root"/usr/share/man "$root"/usr/share/locale
tar -C "$root" -c . | podman import --change 'ENV LANG=C.UTF-8' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' - loop-jre:17 >/dev/null
rm -f "$out"
podman save --format docker-archive -o "$out" loop-jre:17 >/dev/null
ls -lh "$out"
