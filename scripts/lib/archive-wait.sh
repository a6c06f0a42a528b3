# Sourced (after `cd` to the repository's root) by benchmarks that time the tugboat command.

# On Java 25 and later, a command's first run records its classes and the tugboat command makes
# the AOT cache from that record in the background (scripts/tugboat): waits, up to a minute, until
# no such cache is being made, so the timed runs that follow find theirs, and that JVM takes no
# core from them.
wait_for_archives() {
  local deadline=$((SECONDS + 60))
  while pgrep -f -- '-XX:AOTMode=create' >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "an AOT cache is still being made after 60 s" >&2; return 0; }
    sleep 0.2
  done
}
