# Sourced by benchmarks that run the daemon as the service unit runs it (config/tugboat.service),
# so that a flag added to the unit is measured the day it is added.

# unit_java_opts UNIT: the JVM options of the unit's ExecStart (between java and -jar), without
# the installed archive (-XX:SharedArchiveFile) and JNA's directory (-Djna.tmpdir), which are the
# install's paths: the caller adds an archive made for its own jar.
unit_java_opts() {
  sed -n 's|^ExecStart=/usr/bin/java \(.*\) -jar .*|\1|p' "$1" \
    | sed 's|-XX:SharedArchiveFile=[^ ]*||; s|-Djna.tmpdir=[^ ]*||; s|  *| |g; s| $||'
}

# export_unit_environment UNIT: exports the unit's Environment= assignments (MALLOC_ARENA_MAX).
export_unit_environment() {
  local assignment
  for assignment in $(sed -n 's/^Environment=//p' "$1"); do
    export "${assignment?}"
  done
}
