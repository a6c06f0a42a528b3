# Sourced by the benchmarks that run a daemon with the three-container busybox app
# (src/test/resources/specs/chain.yml): the jar, a work directory with the app under a name of
# its own ($1 of bench_setup plus the pid) and a daemon config on a free port, serve() to start the
# daemon there, and a cleanup on exit that ends the daemon and every pid in $also_kill and removes
# the app's containers. Needs: Docker with tugboat-test/busybox:1, python3, curl.
#   . "$(dirname "$0")/daemon-bench.sh"; bench_setup NAME
here=$(cd "$(dirname "$0")/../.." && pwd)
jar=${TUGBOAT_JAR:-"$here/target/tugboat.jar"}
JAVA_OPTS=${JAVA_OPTS:--Xms32m -Xmx128m -XX:+UseSerialGC}
pid=""
also_kill=""

bench_setup() {
  bench=$(basename "$0")
  [ -f "$jar" ] || { echo "$bench: build first: mvn -B package -DskipTests" >&2; exit 1; }
  work=$(mktemp -d)
  app="bench-$1-$$"
  trap bench_cleanup EXIT
  sed "s/@APP@/$app/" "$here/src/test/resources/specs/chain.yml" > "$work/app.yml"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  printf 'listen: 127.0.0.1:%s\nstate_dir: state\napp: app.yml\nintegration_port: %s\n' \
    "$port" "$((port + 1))" > "$work/tugboat.yml"
}

bench_cleanup() {
  for other in $also_kill; do kill "$other" 2>/dev/null || true; done
  if [ -n "$pid" ]; then
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  ids=$(docker ps -aq --filter "label=dev.tugboat.app=$app")
  [ -n "$ids" ] && docker rm -f $ids >/dev/null
  rm -rf "$work"
}

# Starts the daemon in the work directory; its pid in $pid, its output in daemon.log.
serve() {
  (cd "$work" && exec java $JAVA_OPTS -jar "$jar" serve --config tugboat.yml) \
    > "$work/daemon.log" 2>&1 &
  pid=$!
}

now_ms() { date +%s%3N; }
median() { echo "$@" | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
