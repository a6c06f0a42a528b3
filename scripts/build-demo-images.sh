#!/usr/bin/env bash
# Builds the demo's images with no registry:
#   tugboat-demo/postgres:15   PostgreSQL 15 from Debian's packages, initialized from POSTGRES_* env
#   tugboat-demo/app:1, :2     a migration command (`migrate`) and an HTTP server (`serve`)
# Both come from one root filesystem made by debootstrap from the Debian mirror this machine's apt
# already uses, imported with `docker import`. Idempotent: an image whose build-hash label matches
# its build definition (files under images/, the functions below, the base rootfs) is kept; a changed
# definition rebuilds it. The rootfs is cached as a tar under $TUGBOAT_DEMO_CACHE.
#
# Environment: TUGBOAT_DEMO_CACHE (default /var/cache/tugboat-demo), DEBIAN_MIRROR (default: read
# from /etc/apt/sources.list and /etc/apt/sources.list.d/), FORCE_REBUILD=1 rebuilds every image.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'build-demo-images: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

SUITE=bookworm
PG_MAJOR=15
CACHE_DIR=${TUGBOAT_DEMO_CACHE:-/var/cache/tugboat-demo}
POSTGRES_IMAGE=tugboat-demo/postgres:$PG_MAJOR
APP_REPOSITORY=tugboat-demo/app
APP_VERSIONS=(1 2)
HASH_LABEL=dev.tugboat.demo.build-hash
BASE_PACKAGES=postgresql-$PG_MAJOR,busybox-static

# shellcheck source=lib/debian-rootfs.sh
. scripts/lib/debian-rootfs.sh

# On a fresh machine the engine may be missing or stopped; setup-docker.sh installs and starts it.
ensure_engine() {
  timeout 5 docker version >/dev/null 2>&1 || scripts/setup-docker.sh
}


# Hash of files under the given paths (names and contents), stable across clones.
files_hash() {
  find "$@" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha
}

# Makes the shared root filesystem: Debian minbase, PostgreSQL and busybox, without apt caches,
# documentation, the cluster Debian's package creates, LLVM or Perl. LLVM only serves PostgreSQL's
# JIT, which PostgreSQL skips when its provider library is absent; Perl only serves Debian's
# pg_wrapper/pg_ctlcluster scripts, which the images do not use (they call the binaries under
# /usr/lib/postgresql/15/bin). Together they are half of the rootfs.
make_base_rootfs() {
  local root=$1 mirror=$2
  mkdir -p "$CACHE_DIR/debs"
  log "debootstrap $SUITE from $mirror (packages cached in $CACHE_DIR/debs)"
  debootstrap --variant=minbase --include="$BASE_PACKAGES" --cache-dir="$CACHE_DIR/debs" \
    "$SUITE" "$root" "$mirror" >"$CACHE_DIR/debootstrap.log" 2>&1 \
    || { tail -n 20 "$CACHE_DIR/debootstrap.log" >&2; die "debootstrap failed (log: $CACHE_DIR/debootstrap.log)"; }
  chroot "$root" dpkg --purge --force-depends libllvm14 libz3-4 perl perl-modules-5.36 libperl5.36 \
    >>"$CACHE_DIR/debootstrap.log" 2>&1 || die "removing LLVM and Perl failed (log: $CACHE_DIR/debootstrap.log)"
  rm -rf "$root/usr/lib/postgresql/$PG_MAJOR/lib/llvmjit"* "$root/usr/lib/postgresql/$PG_MAJOR/lib/bitcode"
  rm -rf "$root/var/lib/postgresql/$PG_MAJOR" "$root/etc/postgresql/$PG_MAJOR"
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/var/cache/debconf/*-old \
    "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
    "$root"/usr/share/locale/* "$root"/usr/share/i18n "$root"/var/log/* "$root"/etc/resolv.conf \
    "$root"/etc/hostname
  chmod 0755 "$root"
}

# Prints the path of the cached base rootfs tar, building it when missing.
base_rootfs_tar() {
  local key tar root
  key=$( (echo "$SUITE $BASE_PACKAGES"; declare -f make_base_rootfs) | sha)
  tar="$CACHE_DIR/rootfs-$SUITE-$key.tar"
  if [ -f "$tar" ]; then
    log "base rootfs cached: $tar"
    echo "$tar"
    return
  fi
  ensure_debootstrap
  root=$(mktemp -d "$WORK_DIR/rootfs.XXXXXX")
  make_base_rootfs "$root" "$(debian_mirror)"
  tar --numeric-owner -C "$root" -cf "$tar.tmp" .
  mv "$tar.tmp" "$tar"
  rm -rf "$root"
  find "$CACHE_DIR" -maxdepth 1 -name "rootfs-$SUITE-*.tar" ! -path "$tar" -delete
  log "base rootfs built: $tar ($(du -h "$tar" | cut -f1))"
  echo "$tar"
}

image_is_current() {
  local image=$1 hash=$2
  [ "${FORCE_REBUILD:-0}" = 1 ] && return 1
  [ "$(docker image inspect -f "{{index .Config.Labels \"$HASH_LABEL\"}}" "$image" 2>/dev/null)" = "$hash" ]
}

# Unpacks the base rootfs into a new directory and prints its path.
unpack_base() {
  local dir
  dir=$(mktemp -d "$WORK_DIR/image.XXXXXX")
  tar --numeric-owner -C "$dir" -xf "$1"
  chmod 0755 "$dir"
  echo "$dir"
}

import_rootfs() {
  local dir=$1 image=$2
  shift 2
  tar --numeric-owner -C "$dir" -c . | docker import "$@" - "$image" >/dev/null
  rm -rf "$dir"
}

# `docker import` accepts no STOPSIGNAL; a build step that only sets it adds no layer.
set_stop_signal() {
  local image=$1 signal=$2
  local output
  output=$(printf 'FROM %s\nSTOPSIGNAL %s\n' "$image" "$signal" \
    | DOCKER_BUILDKIT=0 docker build -q -t "$image" - 2>&1) || die "setting STOPSIGNAL on $image failed: $output"
}

build_postgres_image() {
  local base=$1 hash=$2 dir
  dir=$(unpack_base "$base")
  install -m 0755 images/postgres/docker-entrypoint.sh "$dir/usr/local/bin/docker-entrypoint.sh"
  # SIGINT is PostgreSQL's fast shutdown; SIGTERM (smart) would wait for every client to leave.
  import_rootfs "$dir" "$POSTGRES_IMAGE" \
    --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
    --change 'CMD ["postgres"]' \
    --change "ENV PATH=/usr/lib/postgresql/$PG_MAJOR/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change 'ENV LANG=C.UTF-8' \
    --change "ENV PG_MAJOR=$PG_MAJOR" \
    --change 'ENV PGDATA=/var/lib/postgresql/data' \
    --change 'VOLUME /var/lib/postgresql/data' \
    --change 'EXPOSE 5432' \
    --change "LABEL $HASH_LABEL=$hash"
  set_stop_signal "$POSTGRES_IMAGE" SIGINT
}

# The app keeps psql and busybox; PostgreSQL's server files, and the libraries only the server
# uses (ICU, libxml2, libxslt: a third of the rootfs), are dropped.
build_app_image() {
  local base=$1 hash=$2 version=$3 dir migration missing
  dir=$(unpack_base "$base")
  rm -rf "$dir/usr/share/postgresql/$PG_MAJOR" "$dir/usr/lib/postgresql/$PG_MAJOR/lib"
  find "$dir/usr/lib/postgresql/$PG_MAJOR/bin" -type f ! -name psql ! -name pg_isready -delete
  rm -f "$dir"/usr/lib/x86_64-linux-gnu/{libicu,libxml2,libxslt,libexslt}*
  missing=$(chroot "$dir" ldd "/usr/lib/postgresql/$PG_MAJOR/bin/psql" | grep 'not found' || true)
  [ -z "$missing" ] || die "psql lacks libraries in $APP_REPOSITORY:$version: $missing"
  mkdir -p "$dir/app/migrations"
  cp -r images/app/bin images/app/www "$dir/app/"
  for migration in images/app/migrations/*.sql; do
    # A migration's number is the app version that brings it.
    [ "$((10#$(basename "$migration" | cut -d_ -f1)))" -le "$version" ] && cp "$migration" "$dir/app/migrations/"
  done
  chmod -R a+rX "$dir/app"
  import_rootfs "$dir" "$APP_REPOSITORY:$version" \
    --change 'ENTRYPOINT ["/app/bin/app"]' \
    --change 'CMD ["serve"]' \
    --change "ENV PATH=/usr/lib/postgresql/$PG_MAJOR/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change 'ENV LANG=C.UTF-8' \
    --change "ENV APP_VERSION=$version" \
    --change 'WORKDIR /app' \
    --change 'EXPOSE 8000' \
    --change "LABEL $HASH_LABEL=$hash"
}

build_if_changed() {
  local image=$1 hash=$2 started previous
  shift 2
  if image_is_current "$image" "$hash"; then
    log "$image current (build hash $hash)"
    return
  fi
  previous=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
  started=$(date +%s.%N)
  "$@" "$hash"
  # The replaced image goes unless a container still uses it.
  if [ -n "$previous" ]; then docker image rm "$previous" >/dev/null 2>&1 || true; fi
  log "built $image in $(seconds_since "$started") s:" \
    "$(docker image inspect -f '{{.Size}}' "$image" | numfmt --to=si)B"
}

main() {
  local started base base_hash version
  started=$(date +%s.%N)
  ensure_engine
  mkdir -p "$CACHE_DIR"
  # Every temporary rootfs lives here, so a failed build leaves nothing behind.
  WORK_DIR=$(mktemp -d "$CACHE_DIR/work.XXXXXX")
  trap 'rm -rf "$WORK_DIR"' EXIT
  base=$(base_rootfs_tar)
  base_hash=$(basename "$base" .tar)
  build_if_changed "$POSTGRES_IMAGE" \
    "$( (echo "$base_hash"; files_hash images/postgres; declare -f build_postgres_image import_rootfs set_stop_signal) | sha)" \
    build_postgres_image "$base"
  for version in "${APP_VERSIONS[@]}"; do
    build_if_changed "$APP_REPOSITORY:$version" \
      "$( (echo "$base_hash $version"; files_hash images/app; declare -f build_app_image import_rootfs) | sha)" \
      build_app_image_version "$base" "$version"
  done
  log "done in $(seconds_since "$started") s"
}

# Argument order adapter: build_if_changed appends the hash last.
build_app_image_version() { build_app_image "$1" "$3" "$2"; }

main "$@"
