#!/usr/bin/env bash
# Writes src/main/resources/META-INF/tugboat/app-start.classes: the classes the daemon loads to
# start an app or resume its run (its spec, templates, the run, triggers, the engine client's
# commands). The archive the package makes at install (config/deb/tugboat-cds-archive) comes from
# a daemon that starts no app, so it loads these by name, without running them, for Java to
# archive them too.
#
# It starts the built jar's daemon with scripts/archive-training-app.yml (busybox; Docker needed)
# and lists what Java loaded until the app started, and again as a daemon started beside the
# running app resumes its run; then it removes what it made. Run it
# again when ArchiveTrainingTest finds a listed class gone, or when an app's start loads new code.
#   scripts/archive-class-list.sh        (after mvn package)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/tugboat.jar
out=src/main/resources/META-INF/tugboat/app-start.classes
[ -f "$jar" ] || { echo "archive-class-list.sh: build first: mvn -B package -DskipTests" >&2; exit 1; }
docker image inspect tugboat-test/busybox:1 >/dev/null 2>&1 || scripts/build-images.sh >/dev/null

work=$(mktemp -d)
pid=""
cleanup() {
  [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  docker ps -aq --filter label=dev.tugboat.app=archive-training | xargs -r docker rm -f -v >/dev/null 2>&1 || true
  docker volume rm archive-training-spool >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=lib/free-port.sh
. scripts/lib/free-port.sh
port=$(free_port)
printf 'listen: 127.0.0.1:%s\nstate_dir: %s/state\napp: %s\nintegration_port: %s\n' \
  "$port" "$work" "$PWD/scripts/archive-training-app.yml" "$(free_port)" >"$work/tugboat.yml"
# serve_until LOG-LINE NAME: the daemon, until its log says LOG-LINE; its classes in NAME.log
serve_until() {
  java -Xms32m -Xmx128m -XX:+UseSerialGC -Xlog:class+load=info:file="$work/$2.log" \
    -jar "$jar" serve --config "$work/tugboat.yml" >"$work/$2-daemon.log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    grep -q "$1" "$work/$2-daemon.log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -q "$1" "$work/$2-daemon.log" || {
    tail -n 20 "$work/$2-daemon.log" >&2
    echo "archive-class-list.sh: the daemon never said \"$1\"; nothing written" >&2
    exit 1
  }
  curl -fs -H "Authorization: Bearer $(cat "$work/state/token")" \
    "http://127.0.0.1:$port/api/v1/status" >/dev/null
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}
# The app's first start, then the daemon's start beside the running app (after an upgrade or a
# reboot of the daemon alone), which resumes the run.
serve_until "app started" start
serve_until "resumed run" resume
# Classes a class loader finds by name: not Java's generated ones (lambdas, proxies, method
# handles' forms, reflection accessors), which hold no name to load them by.
{
  echo "# The classes the daemon loads to start an app or resume its run: made by scripts/archive-class-list.sh."
  sed -n 's/^\[[^]]*\]\[info\]\[class,load\] \([^ ]*\) source: .*/\1/p' "$work/start.log" "$work/resume.log" \
    | grep -v -e '/0x' -e '\$\$Lambda' -e '\$Proxy[0-9]' -e 'LambdaForm\$' \
      -e '^jdk\.internal\.reflect\.Generated' \
    | LC_ALL=C sort -u
} >"$out"
echo "wrote $out: $(grep -vc '^#' "$out") classes"
