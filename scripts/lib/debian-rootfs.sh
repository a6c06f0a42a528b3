# Shared shell for scripts that build images from a Debian root filesystem made by debootstrap
# (no registry is reachable). Source it; the caller defines log(), die() and SUITE.

sha() { sha256sum | cut -c1-16; }

seconds_since() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

# The first http(s) apt source for $SUITE, as apt itself reads its sources (one-line .list files
# and deb822 .sources alike), unless DEBIAN_MIRROR is set.
debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then
    echo "$DEBIAN_MIRROR"
    return
  fi
  local uri
  uri=$(apt-get indextargets --format '$(TARGET_OF) $(CODENAME) $(REPO_URI)' 2>/dev/null \
    | awk -v suite="$SUITE" '$1 == "deb" && $2 == suite && $3 ~ /^https?:\/\// { print $3; exit }')
  [ -n "$uri" ] || die "no http(s) apt source for $SUITE (run apt-get update, or set DEBIAN_MIRROR=http://.../debian)"
  echo "$uri"
}

ensure_debootstrap() {
  command -v debootstrap >/dev/null 2>&1 && return
  log "installing debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
}
