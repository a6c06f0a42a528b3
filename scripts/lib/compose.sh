# Shared by the benchmarks that time docker-compose (sourced after `cd` to the repository's root,
# with a `log` function defined): Debian's docker-compose, installed when missing.

ensure_compose() {
  command -v docker-compose >/dev/null 2>&1 && return
  log "installing docker-compose"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
}
