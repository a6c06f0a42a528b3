#!/bin/bash
# Entrypoint of tugboat-demo/postgres, following the public postgres image's contract:
# on an empty data directory, initialize a cluster from POSTGRES_USER (default postgres),
# POSTGRES_PASSWORD (required) and POSTGRES_DB (default: the user), then run the server in the
# foreground as PID 1. Initialization runs a temporary server on the Unix socket only, so nothing
# can connect over TCP before the database and its user exist: the first TCP accept on 5432 comes
# from the real server, which is what a port-listen check relies on.
set -euo pipefail

PGDATA=${PGDATA:-/var/lib/postgresql/data}
SOCKET_DIR=/var/run/postgresql

log() { printf 'postgres-entrypoint: %s\n' "$*" >&2; }

as_postgres() { HOME=/var/lib/postgresql setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

prepare_directories() {
  mkdir -p "$PGDATA" "$SOCKET_DIR"
  chown postgres:postgres "$PGDATA" "$SOCKET_DIR"
  chmod 0700 "$PGDATA"
  chmod 2775 "$SOCKET_DIR"
}

init_cluster() {
  local user=${POSTGRES_USER:-postgres} db=${POSTGRES_DB:-${POSTGRES_USER:-postgres}}
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    log "the data directory $PGDATA is empty and POSTGRES_PASSWORD is not set;"
    log "set POSTGRES_PASSWORD to the password of the database user '$user'"
    exit 1
  fi
  log "initializing $PGDATA: user '$user', database '$db'"
  local pwfile
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  chown postgres "$pwfile"
  as_postgres initdb -D "$PGDATA" --username="$user" --pwfile="$pwfile" \
    --encoding=UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
  printf '\nhost all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"

  as_postgres pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -k $SOCKET_DIR" start >/dev/null
  if [ "$db" != postgres ]; then
    as_postgres psql -v ON_ERROR_STOP=1 -q -h "$SOCKET_DIR" -U "$user" -d postgres -v db="$db" \
      <<<'CREATE DATABASE :"db";'
  fi
  as_postgres pg_ctl -D "$PGDATA" -w -m fast stop >/dev/null
  log "initialization complete"
}

main() {
  if [ "${1:-postgres}" != postgres ]; then
    exec "$@"
  fi
  [ $# -gt 0 ] && shift
  prepare_directories
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    init_cluster
  fi
  # exec: the server is PID 1 and receives the stop signal itself.
  HOME=/var/lib/postgresql exec setpriv --reuid=postgres --regid=postgres --init-groups \
    postgres -D "$PGDATA" "$@"
}

main "$@"
