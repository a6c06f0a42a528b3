#!/usr/bin/env bash
# Builds the image of a Swarm worker node for the cluster tests (scripts/swarm/cluster.sh): a Debian
# root filesystem made by debootstrap with Debian's docker.io, iptables and iproute2, imported with
# `docker import`. Its entrypoint runs dockerd with the vfs storage driver (overlayfs cannot be
# stacked on the outer engine's overlayfs). The tag is the hash of this script and the shell it
# sources, so an image that exists is current and the build is skipped; older tags are removed.
# Prints the image's name on stdout.
#
# Environment: TUGBOAT_DEMO_CACHE (default /var/cache/tugboat-demo; downloaded packages are kept in
# its debs/, shared with the other debootstrap builds), DEBIAN_MIRROR (default: this machine's apt
# source for bookworm).
set -euo pipefail
cd "$(dirname "$0")/../.."

log() { printf 'build-node-image: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# shellcheck source=../lib/debian-rootfs.sh
. scripts/lib/debian-rootfs.sh

SUITE=bookworm
REPOSITORY=tugboat-test/swarm-node
# containerd, runc and tini come as docker.io's dependencies; procps gives `ps` to debug a node.
# No ca-certificates: no registry is reachable, and its postinst is one of the slowest.
PACKAGES=docker.io,iptables,iproute2,procps
CACHE_DIR=${TUGBOAT_DEMO_CACHE:-/var/cache/tugboat-demo}

# dockerd is PID 1's only child: a stale pid file from a stopped container would keep it from starting.
write_entrypoint() {
  cat >"$1/usr/local/bin/swarm-node" <<'SCRIPT'
#!/bin/sh
rm -f /var/run/docker.pid /run/docker/containerd/containerd.pid
exec dockerd --storage-driver=vfs "$@"
SCRIPT
  chmod 0755 "$1/usr/local/bin/swarm-node"
}

# Two stages, the second with dpkg's unsafe-io: dpkg's fsync per file is most of a debootstrap's
# time, and a half-written rootfs is thrown away anyway.
make_rootfs() {
  local root=$1 mirror=$2
  mkdir -p "$CACHE_DIR/debs"
  debootstrap --foreign --variant=minbase --include="$PACKAGES" --cache-dir="$CACHE_DIR/debs" \
    "$SUITE" "$root" "$mirror" >"$WORK_DIR/debootstrap.log" 2>&1 \
    || { tail -n 20 "$WORK_DIR/debootstrap.log" >&2; die "debootstrap (first stage) failed"; }
  mkdir -p "$root/etc/dpkg/dpkg.cfg.d"
  echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/unsafe-io"
  chroot "$root" /debootstrap/debootstrap --second-stage >>"$WORK_DIR/debootstrap.log" 2>&1 \
    || { tail -n 20 "$WORK_DIR/debootstrap.log" >&2; die "debootstrap (second stage) failed"; }
  rm -f "$root/etc/dpkg/dpkg.cfg.d/unsafe-io"
  write_entrypoint "$root"
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
    "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* "$root"/var/log/* \
    "$root"/etc/resolv.conf "$root"/etc/hostname "$root"/var/lib/docker "$root"/var/lib/containerd
  chmod 0755 "$root"
}

main() {
  local tag image root started
  tag=$(cat scripts/swarm/build-node-image.sh scripts/lib/debian-rootfs.sh | sha)
  image=$REPOSITORY:$tag
  if docker image inspect "$image" >/dev/null 2>&1; then
    log "$image present"
    echo "$image"
    return
  fi
  [ "$(id -u)" = 0 ] || die "debootstrap needs root; run as root"
  mkdir -p "$CACHE_DIR"
  # One build at a time: a caller that comes while another builds (the cluster tests while
  # scripts/test.sh builds the image ahead of them) waits for it, then finds the image made.
  exec 9>"$CACHE_DIR/swarm-node-image.lock"
  if ! flock -n 9; then
    log "waiting for another build of $image"
    flock -w 900 9 || die "another build of $image held $CACHE_DIR/swarm-node-image.lock for 15 minutes"
    if docker image inspect "$image" >/dev/null 2>&1; then
      log "$image present"
      echo "$image"
      return
    fi
  fi
  started=$(date +%s.%N)
  ensure_debootstrap
  WORK_DIR=$(mktemp -d "$CACHE_DIR/work.XXXXXX")
  trap 'rm -rf "$WORK_DIR"' EXIT
  root=$WORK_DIR/rootfs
  mkdir "$root"
  log "building $image with debootstrap (packages cached in $CACHE_DIR/debs)"
  make_rootfs "$root" "$(debian_mirror)"
  tar --numeric-owner -C "$root" -c . | docker import \
    --change 'ENTRYPOINT ["/usr/local/bin/swarm-node"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'VOLUME /var/lib/docker' \
    - "$image" >/dev/null
  # Older builds go, unless a container still uses them.
  docker image ls --format '{{.Repository}}:{{.Tag}}' "$REPOSITORY" | grep -vx "$image" \
    | xargs -r docker image rm >/dev/null 2>&1 || true
  log "built $image in $(seconds_since "$started") s: $(docker image inspect -f '{{.Size}}' "$image" | numfmt --to=si)B"
  echo "$image"
}

main "$@"
