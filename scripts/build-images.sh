#!/usr/bin/env bash
# Builds the small test images with no registry: a root filesystem holding busybox-static's binary
# and a link for each applet, imported with `docker import`. An image that already exists is kept.
set -euo pipefail

log() { printf 'build-images: %s\n' "$*" >&2; }

BUSYBOX_IMAGE=${BUSYBOX_IMAGE:-tugboat-test/busybox:1}

build_busybox() {
  if docker image inspect "$BUSYBOX_IMAGE" >/dev/null 2>&1; then
    log "$BUSYBOX_IMAGE present"
    return
  fi
  local root
  root=$(mktemp -d)
  trap 'rm -rf "$root"' RETURN
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,var/www,proc,sys,dev}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  local applet
  for applet in $(/bin/busybox --list-full); do
    [ "$applet" = bin/busybox ] && continue
    ln -sf /bin/busybox "$root/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
  # No CMD survives `docker import` unless given here; the image is useless without one.
  tar -C "$root" -c . | docker import \
    --change 'CMD ["/bin/sh"]' \
    --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
    - "$BUSYBOX_IMAGE" >/dev/null
  log "built $BUSYBOX_IMAGE"
}

build_busybox
