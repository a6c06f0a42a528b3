#!/usr/bin/env bash
# Installs Tugboat as a user does, under a real systemd, and checks what docs/install.md promises:
#   1. the .deb (target/tugboat_*_all.deb): files and modes, the conffile, the class data sharing
#      archive and its use, the unit under systemd (start, stop leaving the app running, adoption,
#      Restart=on-failure, `systemd-analyze verify`, Type=notify and a watchdog that restarts a
#      daemon stopped by SIGSTOP), the CLI, an upgrade, remove and purge;
#   2. scripts/install.sh, twice in a row, and with DESTDIR.
# Each runs in a container with a privileged one's rights, of a local Debian image with systemd as PID 1 and a Java 17
# runtime (tugboat-test/systemd-java, built here with debootstrap and kept by a tag that is the hash
# of its definition). The container shares the host's network and Docker socket: the daemon inside
# drives the host's engine, and its app is a small spec of tugboat-test/busybox:1.
# Prints one line per check; on a failure, the reason and the daemon's journal tail (on stderr),
# exit 1. Removes every container it made, and the app's (label dev.tugboat.app=tbinstall-PID).
#
# Environment: TUGBOAT_DEMO_CACHE (default /var/cache/tugboat-demo; downloaded packages are kept
# in its debs/), DEBIAN_MIRROR (default: this machine's apt source for bookworm), KEEP=1 leaves the
# containers running after a failure, to look inside.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=bookworm
IMAGE_REPOSITORY=tugboat-test/systemd-java
IMAGE_PACKAGES=systemd,systemd-sysv,openjdk-17-jre-headless,curl
CACHE_DIR=${TUGBOAT_DEMO_CACHE:-/var/cache/tugboat-demo}
BUSYBOX_IMAGE=tugboat-test/busybox:1
RUN_ID=$$
APP=tbinstall-$RUN_ID
TEST_LABEL=dev.tugboat.install-test
CONTAINERS=()
CURRENT=
STARTED=$(date +%s)

log() { printf 'test-install: %s\n' "$*" >&2; }
ok() { printf 'ok   %s\n' "$*"; }

# On stderr, as it may be called in a command substitution, whose failure then ends the script.
fail() {
  {
    printf 'FAIL %s\n' "$*"
    if [ -n "$CURRENT" ]; then
      echo "---- journalctl -u tugboat (last 40 lines) in $CURRENT"
      docker exec "$CURRENT" journalctl -u tugboat -n 40 --no-pager 2>&1 || true
      echo "----"
    fi
  } >&2
  exit 1
}

cleanup() {
  local status=$?
  if [ "$status" != 0 ] && [ "${KEEP:-0}" = 1 ]; then
    log "KEEP=1: left running: ${CONTAINERS[*]:-} and the app's containers (label dev.tugboat.app=$APP)"
    return
  fi
  local ids
  ids=$(docker ps -aq --filter "label=dev.tugboat.app=$APP" 2>/dev/null || true)
  if [ -n "$ids" ]; then docker rm -f $ids >/dev/null 2>&1 || true; fi
  if [ "${#CONTAINERS[@]}" -gt 0 ]; then docker rm -f "${CONTAINERS[@]}" >/dev/null 2>&1 || true; fi
  if [ -n "${WORK_DIR:-}" ]; then rm -rf "$WORK_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- prerequisites ------------------------------------------------------------------------------

# The shared lib's errors end the run as this script's own do.
die() { fail "$@"; }
# shellcheck source=lib/debian-rootfs.sh
. scripts/lib/debian-rootfs.sh

# Debian minbase with systemd, Java and curl. Units that would act on the host through a privileged
# container (sysctl, modules, binfmt, fstrim, kernel file systems) or wait for a terminal are masked;
# apt's caches and lists, documentation and locales are dropped.
make_image_rootfs() {
  local root=$1 mirror=$2 unit
  mkdir -p "$CACHE_DIR/debs"
  debootstrap --variant=minbase --include="$IMAGE_PACKAGES" --cache-dir="$CACHE_DIR/debs" \
    "$SUITE" "$root" "$mirror" >"$WORK_DIR/debootstrap.log" 2>&1 \
    || { tail -n 20 "$WORK_DIR/debootstrap.log" >&2; fail "debootstrap of the test image failed"; }
  for unit in systemd-sysctl.service systemd-modules-load.service systemd-binfmt.service \
    proc-sys-fs-binfmt_misc.automount sys-kernel-debug.mount sys-kernel-tracing.mount \
    sys-kernel-config.mount sys-fs-fuse-connections.mount systemd-remount-fs.service \
    systemd-firstboot.service getty@tty1.service console-getty.service getty.target \
    fstrim.timer apt-daily.timer apt-daily-upgrade.timer systemd-journald-audit.socket; do
    ln -sf /dev/null "$root/etc/systemd/system/$unit"
  done
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
    "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* "$root"/var/log/* \
    "$root"/etc/resolv.conf "$root"/etc/hostname
  # Empty: systemd makes a new machine id at each boot, as in a fresh container.
  : > "$root/etc/machine-id"
  chmod 0755 "$root"
}

ensure_image() {
  local tag root started mirror
  tag=$( (echo "$SUITE $IMAGE_PACKAGES"; declare -f make_image_rootfs) | sha)
  IMAGE=$IMAGE_REPOSITORY:$tag
  if docker image inspect "$IMAGE" >/dev/null 2>&1; then
    log "image $IMAGE present"
    return
  fi
  started=$(date +%s)
  ensure_debootstrap
  root=$(mktemp -d "$WORK_DIR/rootfs.XXXXXX")
  log "building $IMAGE with debootstrap (packages cached in $CACHE_DIR/debs)"
  mirror=$(debian_mirror)
  make_image_rootfs "$root" "$mirror"
  tar --numeric-owner -C "$root" -c . | docker import \
    --change 'CMD ["/sbin/init"]' --change 'ENV container=docker' \
    --change "LABEL $TEST_LABEL=image" - "$IMAGE" >/dev/null
  rm -rf "$root"
  # Older builds of the image go, unless a container still uses them.
  docker image ls --format '{{.Repository}}:{{.Tag}}' "$IMAGE_REPOSITORY" | grep -vx "$IMAGE" \
    | xargs -r docker image rm >/dev/null 2>&1 || true
  log "built $IMAGE in $(($(date +%s) - started)) s: $(docker image inspect -f '{{.Size}}' "$IMAGE" | numfmt --to=si)B"
}

# The package `mvn package` made, remade when a file it holds changed since.
ensure_package() {
  DEB=$(ls -t target/tugboat_*_all.deb 2>/dev/null | head -n 1 || true)
  if [ -z "$DEB" ] || [ ! -f target/tugboat.jar ] \
    || [ -n "$(find config src pom.xml docs/install.md -newer "$DEB" -print -quit)" ]; then
    log "no package in target/, or an older one than its files; building it"
    mvn -B -q package -DskipTests
    DEB=$(ls -t target/tugboat_*_all.deb | head -n 1)
  fi
  log "package $DEB"
}

# ---- helpers for a systemd container ------------------------------------------------------------

# A container with systemd as PID 1: every capability, no seccomp filter and unmasked /proc and
# /sys, as --privileged gives, but with only the capabilities this host's bounding set holds
# (--privileged asks for all, and runc fails on a host that lacks one, e.g. CAP_SYS_RESOURCE);
# cgroups v1: the host's hierarchy, where systemd makes its own subtree; the host's network (the
# daemon reaches the app's containers and the bridge's gateway as on a host) and Docker socket.
start_systemd_container() {
  local name=$1 state tries=0
  CONTAINERS+=("$name")
  docker run -d --name "$name" --label "$TEST_LABEL=$RUN_ID" $(capability_options) \
    --security-opt seccomp=unconfined --security-opt apparmor=unconfined \
    --security-opt systempaths=unconfined --network host \
    --tmpfs /run --tmpfs /run/lock --tmpfs /tmp -v /sys/fs/cgroup:/sys/fs/cgroup:ro \
    -v /var/run/docker.sock:/run/docker.sock "$IMAGE" >/dev/null \
    || fail "could not start a systemd container of $IMAGE"
  CURRENT=$name
  until state=$(docker exec "$name" systemctl is-system-running 2>/dev/null); [ "$state" = running ] || [ "$state" = degraded ]; do
    tries=$((tries + 1))
    [ "$tries" -le 120 ] || fail "systemd in $name did not finish booting in 60 s (state: ${state:-none}); its output: $(docker logs --tail 20 "$name" 2>&1)"
    sleep 0.5
  done
  if [ "$state" = degraded ]; then
    log "systemd degraded in $name; failed units: $(in_ct systemctl --failed --plain --no-legend | awk '{print $1}' | tr '\n' ' ')"
  fi
  ok "systemd boots as PID 1 in $name ($state)"
}

# --cap-add ALL, then --cap-drop for each capability (numbers 0..40) this shell's bounding set lacks.
capability_options() {
  local bounding names number
  bounding=$(awk '/^CapBnd:/ { print $2 }' /proc/self/status)
  names=(CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP LINUX_IMMUTABLE
    NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER SYS_MODULE SYS_RAWIO
    SYS_CHROOT SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG
    MKNOD LEASE AUDIT_WRITE AUDIT_CONTROL SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM
    BLOCK_SUSPEND AUDIT_READ PERFMON BPF CHECKPOINT_RESTORE)
  printf -- '--cap-add ALL'
  for number in "${!names[@]}"; do
    if [ $(( (16#$bounding >> number) & 1 )) = 0 ]; then printf -- ' --cap-drop %s' "${names[$number]}"; fi
  done
}

in_ct() { docker exec "$CURRENT" "$@"; }
in_sh() { docker exec "$CURRENT" sh -c "$1"; }

expect_mode() {
  local path=$1 mode=$2 actual
  actual=$(in_ct stat -c %a "$path" 2>/dev/null) || fail "$path is missing"
  [ "$actual" = "$mode" ] || fail "$path has mode $actual, expected $mode"
}

expect_absent() { ! in_ct test -e "$1" || fail "$1 is still there after $2: $(in_ct ls -la "$1" 2>&1)"; }

main_pid() { in_ct systemctl show -p MainPID --value tugboat.service; }

wait_active() {
  local tries=0
  until in_ct systemctl is-active --quiet tugboat.service; do
    tries=$((tries + 1))
    [ "$tries" -le 60 ] || fail "tugboat.service is not active after 30 s ($1): $(in_ct systemctl is-active tugboat.service)"
    sleep 0.5
  done
}

api() { in_ct curl -s -H "Authorization: Bearer $(in_ct cat /var/lib/tugboat/token)" "http://127.0.0.1:$PORT$1"; }

# The app's state: the status's first "state" key (the app's; the containers' come later).
app_state() { api /api/v1/status | grep -o '"state" *: *"[a-z]*"' | sed -n '1s/.*"\([a-z]*\)"$/\1/p'; }

wait_app_state() {
  local want=$1 tries=0 state=
  until state=$(app_state 2>/dev/null); [ "$state" = "$want" ]; do
    tries=$((tries + 1))
    [ "$tries" -le 120 ] || fail "the app is '${state:-no answer}', not '$want', after 60 s: $(api /api/v1/status | head -c 600)"
    sleep 0.5
  done
}

wait_healthz() {
  local tries=0 body
  until body=$(in_ct curl -fs "http://127.0.0.1:$PORT/healthz" 2>/dev/null); do
    tries=$((tries + 1))
    [ "$tries" -le 120 ] || fail "/healthz on 127.0.0.1:$PORT did not answer 200 in 60 s"
    sleep 0.5
  done
  echo "$body"
}

# The app's containers on the host's engine, running, by id.
app_containers() {
  docker ps -q --no-trunc --filter "label=dev.tugboat.app=$APP" --filter status=running | sort | tr '\n' ' '
}

# A small app of two busybox services: `second` starts once `first` listens on 7000.
write_app() {
  cat > "$WORK_DIR/app.yml" <<YML
replicated_api_version: 2.8.0
name: $APP
version: "1"
components:
- name: first
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    cmd: '["sh", "-c", "trap \\"exit 0\\" TERM; nc -l -p 7000 -e echo hi & while true; do sleep 0.2; done"]'
    stop_timeout: 2
    publish_events:
    - name: first listens
      trigger: port-listen
      data: "7000"
      subscriptions:
      - component: second
        container: tugboat-test/busybox
        action: start
- name: second
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    cmd: '["sh", "-c", "trap \\"exit 0\\" TERM; while true; do sleep 0.2; done"]'
    stop_timeout: 2
YML
}

# A free loopback port pair (API, Integration API) on the host's network, which the container shares.
pick_port() {
  local port
  for port in $(shuf -i 21000-29000 -n 40); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && ! (exec 3<>"/dev/tcp/127.0.0.1/$((port + 1))") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  fail "no free port pair between 21000 and 29000"
}

# ---- the .deb -----------------------------------------------------------------------------------

test_deb() {
  local out pid1 pid2 depends token
  ids=
  start_systemd_container "tugboat-install-deb-$RUN_ID"
  depends=$(dpkg-deb -f "$DEB" Depends)
  docker cp "$DEB" "$CURRENT:/root/tugboat.deb"

  out=$(in_sh 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q /root/tugboat.deb 2>&1') \
    || fail "apt-get install ./tugboat.deb failed (Depends: $depends): $out"
  ok "apt-get install ./tugboat_*_all.deb installs it (Depends: $depends)"

  expect_mode /opt/tugboat/tugboat.jar 644
  expect_mode /opt/tugboat/tugboat-cds-archive 755
  expect_mode /usr/bin/tugboat 755
  expect_mode /lib/systemd/system/tugboat.service 644
  expect_mode /etc/tugboat/tugboat.yml 644
  expect_mode /usr/share/doc/tugboat/install.md 644
  expect_mode /var/lib/tugboat 700
  ok "files in place with their modes (jar 644, commands 755, unit, config, docs; /var/lib/tugboat 700)"

  [ "$(in_ct dpkg-query -W -f '${Conffiles}' tugboat | awk '{print $1}')" = /etc/tugboat/tugboat.yml ] \
    || fail "the conffiles are not exactly /etc/tugboat/tugboat.yml: $(in_ct dpkg-query -W -f '${Conffiles}' tugboat)"
  ok "/etc/tugboat/tugboat.yml is the package's only conffile"

  check_cds_archive postinst

  out=$(in_ct systemd-analyze verify tugboat.service 2>&1) || fail "systemd-analyze verify tugboat.service failed: $out"
  [ -z "$out" ] || fail "systemd-analyze verify tugboat.service warns: $out"
  ok "systemd-analyze verify tugboat.service: no warnings"

  [ "$(in_ct systemctl is-enabled tugboat.service)" = enabled ] || fail "postinst did not enable tugboat.service"
  ! in_ct systemctl is-active --quiet tugboat.service || fail "postinst started tugboat.service before it has an app"
  ok "postinst enabled tugboat.service and left it stopped"

  configure_app
  check_wrong_config
  in_ct systemctl start tugboat.service || fail "systemctl start tugboat failed"
  wait_active "first start"
  out=$(wait_healthz)
  grep -q '"docker" *: *"reachable"' <<<"$out" || fail "/healthz does not see Docker: $out"
  ok "systemctl start tugboat: active, /healthz says Docker is reachable ($out)"
  expect_mode /var/lib/tugboat/token 600
  expect_mode /var/lib/tugboat 700
  ok "the first start made the token 0600 in the 0700 state directory"
  check_daemon_maps_archive
  check_hardening
  check_notify

  wait_app_state started
  ids=$(app_containers)
  [ "$(echo "$ids" | wc -w)" = 2 ] || fail "expected the app's 2 containers running, found: ${ids:-none}"
  ok "/api/v1/status with the token: the app is started (2 containers on the host's engine)"

  out=$(in_ct tugboat status 2>&1) || fail "tugboat status failed: $out"
  grep -q started <<<"$out" || fail "tugboat status does not say started: $out"
  ok "tugboat status (installed CLI): $(head -n 1 <<<"$out")"
  check_command_archive status

  in_ct systemctl stop tugboat.service || fail "systemctl stop tugboat failed"
  ! in_ct systemctl is-active --quiet tugboat.service || fail "tugboat.service still active after stop"
  [ "$(in_ct systemctl show -p Result --value tugboat.service)" = success ] \
    || fail "the daemon did not end cleanly on SIGTERM: Result=$(in_ct systemctl show -p Result --value tugboat.service)"
  [ "$(app_containers)" = "$ids" ] || fail "systemctl stop changed the app's containers: before $ids, after $(app_containers)"
  ok "systemctl stop tugboat: daemon ended cleanly, the app's containers still run"

  in_ct systemctl start tugboat.service || fail "systemctl start tugboat (again) failed"
  wait_active "start after stop"
  wait_healthz >/dev/null
  wait_app_state started
  [ "$(app_containers)" = "$ids" ] || fail "the restarted daemon did not adopt the containers: before $ids, after $(app_containers)"
  ok "systemctl start again adopts the running containers (same ids)"

  pid1=$(main_pid)
  in_sh "kill -9 $pid1"
  local tries=0
  until pid2=$(main_pid); [ "$pid2" != 0 ] && [ "$pid2" != "$pid1" ] && in_ct systemctl is-active --quiet tugboat.service; do
    tries=$((tries + 1))
    [ "$tries" -le 60 ] || fail "Restart=on-failure did not bring the daemon back in 30 s after kill -9 (state: $(in_ct systemctl is-active tugboat.service))"
    sleep 0.5
  done
  wait_healthz >/dev/null
  wait_app_state started
  [ "$(app_containers)" = "$ids" ] || fail "after kill -9 and restart the containers changed: before $ids, after $(app_containers)"
  ok "kill -9 of the daemon: Restart=on-failure restarted it (pid $pid1 -> $pid2), same containers"
  check_watchdog_restart

  local with without
  with=$(restart_to_healthz_ms)
  in_ct rm /opt/tugboat/tugboat.jsa
  without=$(restart_to_healthz_ms)
  wait_app_state started
  [ "$(app_containers)" = "$ids" ] || fail "restarts changed the app's containers: before $ids, after $(app_containers)"
  ok "without the archive the service starts as usual (systemctl restart to /healthz 200, best of 2: $with ms with it, $without ms without)"

  # The archive is gone (above): the upgrade must make it again. An admin disabled the service.
  in_ct systemctl disable --quiet tugboat.service
  upgrade "dpkg -i tugboat.deb (same version again)" 'dpkg -i /root/tugboat.deb'
  [ "$(in_ct systemctl is-enabled tugboat.service)" = disabled ] || fail "the upgrade enabled the service the admin disabled"
  ok "the upgrade kept the service disabled, as the admin left it"
  in_ct systemctl enable --quiet tugboat.service
  docker cp "$(next_version_deb)" "$CURRENT:/root/tugboat-next.deb"
  upgrade "apt-get install ./tugboat-next.deb (a newer version, its jar changed)" \
    'apt-get install -y -q /root/tugboat-next.deb'
  [ "$(in_ct systemctl is-enabled tugboat.service)" = enabled ] || fail "the upgrade disabled the service"
  [ "$(in_ct dpkg-query -W -f '${Version}' tugboat)" = "$(dpkg-deb -f "$DEB" Version)+1" ] \
    || fail "the newer version is not the installed one: $(in_ct dpkg-query -W -f '${Version}' tugboat)"

  out=$(in_ct tugboat stop 2>&1) || fail "tugboat stop failed: $out"
  wait_app_state stopped
  [ -z "$(app_containers)" ] || fail "tugboat stop left containers running: $(app_containers)"
  ok "tugboat stop stops the app's containers"

  out=$(in_sh 'dpkg -r tugboat 2>&1') || fail "dpkg -r tugboat failed: $out"
  ! grep -qi 'warning' <<<"$out" || fail "dpkg -r tugboat warns: $out"
  ! in_ct systemctl is-active --quiet tugboat.service || fail "dpkg -r left the daemon running"
  [ "$(in_ct systemctl is-enabled tugboat.service)" = masked ] \
    || fail "dpkg -r did not mask tugboat.service (a removed service must not start at boot): $(in_ct systemctl is-enabled tugboat.service)"
  expect_absent /opt/tugboat "dpkg -r"
  expect_absent /usr/bin/tugboat "dpkg -r"
  expect_absent /lib/systemd/system/tugboat.service "dpkg -r"
  in_ct test -f /etc/tugboat/tugboat.yml || fail "dpkg -r removed /etc/tugboat/tugboat.yml; docs/install.md says remove keeps it"
  in_ct test -f /var/lib/tugboat/token || fail "dpkg -r removed /var/lib/tugboat/token; docs/install.md says remove keeps it"
  ok "dpkg -r: no warnings, daemon stopped, service masked, /opt/tugboat gone, /etc/tugboat and /var/lib/tugboat kept"

  token=$(in_ct cat /var/lib/tugboat/token)
  out=$(in_sh 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q /root/tugboat-next.deb 2>&1') || fail "reinstalling after dpkg -r failed: $out"
  [ "$(in_ct systemctl is-enabled tugboat.service)" = enabled ] || fail "the reinstall did not enable the service again: $(in_ct systemctl is-enabled tugboat.service)"
  in_ct grep -q "^listen: 127.0.0.1:$PORT\$" /etc/tugboat/tugboat.yml || fail "the reinstall replaced the kept /etc/tugboat/tugboat.yml"
  in_ct systemctl start tugboat.service || fail "systemctl start tugboat after the reinstall failed"
  wait_active "after the reinstall"
  wait_healthz >/dev/null
  [ "$(in_ct cat /var/lib/tugboat/token)" = "$token" ] || fail "the reinstall made a new token"
  ok "reinstall after dpkg -r: service enabled again, the kept config and token in use"
  out=$(in_sh 'dpkg -r tugboat 2>&1') || fail "dpkg -r tugboat (again) failed: $out"

  out=$(in_sh 'dpkg -P tugboat 2>&1') || fail "dpkg -P tugboat failed: $out"
  expect_absent /etc/tugboat/tugboat.yml "dpkg -P"
  expect_absent /var/lib/tugboat "dpkg -P"
  expect_absent /var/cache/tugboat "dpkg -P"
  in_ct test -f /etc/tugboat/app.yml || fail "dpkg -P removed /etc/tugboat/app.yml, a file the package does not own"
  expect_absent /etc/systemd/system/tugboat.service "dpkg -P (the mask)"
  expect_absent /etc/systemd/system/multi-user.target.wants/tugboat.service "dpkg -P"
  ok "dpkg -P: config, state, cache, mask and enablement deleted, the admin's own files in /etc/tugboat kept"
  docker rm -f "$CURRENT" >/dev/null
  CURRENT=
}

# Installs a package over the running daemon: the edited config stays, the daemon restarts on the
# remade archive, the app's containers are not touched.
upgrade() {
  local what=$1 command=$2 out before after
  before=$(main_pid)
  out=$(in_sh "DEBIAN_FRONTEND=noninteractive $command 2>&1") || fail "upgrade by $what failed: $out"
  in_ct grep -q "^listen: 127.0.0.1:$PORT\$" /etc/tugboat/tugboat.yml || fail "$what replaced the edited /etc/tugboat/tugboat.yml"
  wait_active "after $what"
  after=$(main_pid)
  [ "$after" != "$before" ] || fail "$what did not restart the daemon (pid still $before)"
  wait_healthz >/dev/null
  wait_app_state started
  [ "$(app_containers)" = "$ids" ] || fail "$what changed the app's containers: before $ids, after $(app_containers)"
  in_ct test -s /opt/tugboat/tugboat.jsa || fail "$what left no class data sharing archive"
  check_daemon_maps_archive
  ok "upgrade by $what: config kept, daemon restarted (pid $before -> $after), same containers"
}

# Milliseconds from `systemctl restart tugboat` to /healthz answering 200, the best of two, measured
# inside the container. Printed, not judged: a loaded machine is slower.
restart_to_healthz_ms() {
  in_sh "best=
    for i in 1 2; do
      start=\$(date +%s%N); systemctl restart tugboat.service; n=0
      until curl -fs -o /dev/null http://127.0.0.1:$PORT/healthz; do
        n=\$((n + 1)); [ \$n -le 1200 ] || exit 1; sleep 0.05
      done
      ms=\$(( (\$(date +%s%N) - start) / 1000000 ))
      if [ -z \"\$best\" ] || [ \$ms -lt \$best ]; then best=\$ms; fi
    done
    echo \$best" || fail "/healthz did not answer within 60 s of systemctl restart tugboat"
}

# The package as its next version: version +1, and a jar with another date, which makes an archive
# made for the old jar stale (Java checks the jar's size and time), as a real upgrade does.
next_version_deb() {
  local dir=$WORK_DIR/next
  dpkg-deb -R "$DEB" "$dir"
  sed -i "s/^Version: .*/&+1/" "$dir/DEBIAN/control"
  touch -d '2000-01-01 00:00:00' "$dir/opt/tugboat/tugboat.jar"
  dpkg-deb -Zgzip -z1 -b "$dir" "$WORK_DIR/tugboat-next.deb" >/dev/null
  rm -rf "$dir"
  echo "$WORK_DIR/tugboat-next.deb"
}

# The install made the archive, and Java maps it for the jar: with -Xshare:on it must, or it
# refuses to start.
check_cds_archive() {
  local out maker=$1
  expect_mode /opt/tugboat/tugboat.jsa 644
  out=$(in_ct java -Xshare:on -XX:SharedArchiveFile=/opt/tugboat/tugboat.jsa -Xlog:class+load=info \
    -jar /opt/tugboat/tugboat.jar --version 2>&1) || fail "Java refuses the archive with -Xshare:on: $(tail -n 5 <<<"$out")"
  grep -q '^\[.*dev\.tugboat\..* source: shared objects file (top)' <<<"$out" \
    || fail "Java loads no Tugboat class from /opt/tugboat/tugboat.jsa: $(grep -m 3 dev.tugboat <<<"$out")"
  ok "$maker made /opt/tugboat/tugboat.jsa (644); Java maps it (-Xshare:on) and loads Tugboat's classes from it"
}

# The installed command's first run of COMMAND made a class data sharing archive of its own in root's
# cache directory, checked and kept; the next run maps it and still works.
check_command_archive() {
  local command=$1 archive out
  archive=$(in_sh "ls /root/.cache/tugboat/$command-*.jsa 2>/dev/null" | head -n 1)
  [ -n "$archive" ] && in_ct test -s "$archive.ok" \
    || fail "tugboat $command made no archive in /root/.cache/tugboat: $(in_sh 'ls -la /root/.cache/tugboat 2>&1')"
  out=$(in_ct tugboat "$command" 2>&1) || fail "tugboat $command with its archive failed: $out"
  in_sh "test ! -e /opt/tugboat/.tugboat-cds" || fail "tugboat $command wrote beside the jar, with a cache directory to write to"
  ok "tugboat $command made $archive on its first run and runs with it"
}

# The unit's sandbox, seen from inside the running daemon's mount namespace: it holds under this
# systemd, not only parses.
check_hardening() {
  local pid
  pid=$(main_pid)
  [ "$(in_ct awk '/^NoNewPrivs:/ { print $2 }' "/proc/$pid/status")" = 1 ] || fail "the daemon runs without NoNewPrivileges"
  in_ct touch /tmp/outside-the-service
  in_ct nsenter -t "$pid" -m sh -c \
    'test ! -w /usr && test ! -w /etc && test -w /var/lib/tugboat && test ! -e /tmp/outside-the-service' \
    || fail "the daemon's sandbox is not as the unit says; in it: $(in_ct nsenter -t "$pid" -m sh -c \
      'for d in /usr /etc /var/lib/tugboat; do test -w $d && echo "$d writable," || echo "$d read-only,"; done
       test -e /tmp/outside-the-service && echo "the system'"'"'s /tmp" || echo "a private /tmp"' | tr '\n' ' ')"
  ok "the unit's sandbox holds: no new privileges, /usr and /etc read-only, /var/lib/tugboat writable, a private /tmp"
  # chown, dac_override, dac_read_search, fowner, fsetid (bits 0-4) and net_bind_service (bit 10)
  local bounding seccomp
  bounding=$(in_ct awk '/^CapBnd:/ { print $2 }' "/proc/$pid/status")
  [ "$bounding" = 000000000000041f ] || fail "the daemon's capability bounding set is $bounding, not the unit's 000000000000041f"
  seccomp=$(in_ct awk '/^Seccomp:/ { print $2 }' "/proc/$pid/status")
  [ "$seccomp" = 2 ] || fail "the daemon runs without its system call filter (Seccomp: $seccomp)"
  in_ct nsenter -t "$pid" -m sh -c 'test -c /dev/null && test ! -e /dev/mem && test ! -e /dev/kmsg' \
    || fail "the daemon sees the host's devices; its /dev: $(in_ct nsenter -t "$pid" -m ls /dev | tr '\n' ' ')"
  ok "the daemon keeps 6 capabilities ($bounding), a system call filter and private devices, and still reaches Docker"
}

# Type=notify with a watchdog: the unit says so, the service became active (which takes READY=1
# from the daemon), systemd shows the daemon's status line, and JNA, which sends the messages, was
# loaded from the cache directory under the unit's sandbox.
check_notify() {
  local pid props status
  pid=$(main_pid)
  props=$(in_ct systemctl show -p Type,NotifyAccess,WatchdogUSec tugboat.service | sort | tr '\n' ' ')
  [ "$props" = "NotifyAccess=main Type=notify WatchdogUSec=1min " ] \
    || fail "the unit is not Type=notify with a 1 min watchdog: $props"
  status=$(in_ct systemctl show -p StatusText --value tugboat.service)
  grep -q "^API on http://127.0.0.1:$PORT; " <<<"$status" || fail "the daemon's status line is not shown: '$status'"
  in_ct grep -q ' /var/cache/tugboat/jna' "/proc/$pid/maps" \
    || fail "the daemon has not loaded JNA's native library from /var/cache/tugboat: $(in_ct grep -i jna "/proc/$pid/maps")"
  # grep -c reads to the end: grep -q would stop at the match and, under pipefail, fail the
  # pipeline with journalctl's SIGPIPE whenever more of the journal came after it
  ! in_ct journalctl -u tugboat --no-pager | grep -c 'cannot notify systemd' >/dev/null \
    || fail "the daemon could not notify systemd: $(in_ct journalctl -u tugboat --no-pager | grep 'cannot notify systemd' | head -n 1)"
  ok "Type=notify, NotifyAccess=main, WatchdogUSec=1min; active after READY=1, status '$status', JNA from /var/cache/tugboat"
}

# A wedged daemon is restarted: with a 5 s watchdog (a drop-in, to keep this short), SIGSTOP the
# daemon; systemd kills it when the pings stop and Restart=on-failure starts it again, which
# resumes the app (the same containers). Prints the time from SIGSTOP to the new daemon's READY.
check_watchdog_restart() {
  local pid1 pid2 restarts1 restarts2 started took now tries=0 dropin=/etc/systemd/system/tugboat.service.d
  in_ct mkdir -p "$dropin"
  in_sh "printf '[Service]\nWatchdogSec=5\n' > $dropin/watchdog-test.conf"
  in_ct systemctl daemon-reload
  in_ct systemctl restart tugboat.service || fail "systemctl restart tugboat with a 5 s watchdog failed"
  [ "$(in_ct systemctl show -p WatchdogUSec --value tugboat.service)" = 5s ] \
    || fail "the drop-in did not set a 5 s watchdog: $(in_ct systemctl show -p WatchdogUSec --value tugboat.service)"
  wait_healthz >/dev/null
  wait_app_state started
  pid1=$(main_pid)
  restarts1=$(in_ct systemctl show -p NRestarts --value tugboat.service)
  in_ct journalctl -u tugboat --no-pager | grep -c "systemd's watchdog is pinged every 2500 ms" >/dev/null \
    || fail "the daemon did not start pinging the 5 s watchdog"
  # Alive and pinging: systemd records each WATCHDOG=1 it gets; two more, and the same daemon.
  local ping last
  last=$(in_ct systemctl show -p WatchdogTimestampMonotonic --value tugboat.service)
  for ping in 1 2; do
    tries=0
    until now=$(in_ct systemctl show -p WatchdogTimestampMonotonic --value tugboat.service); [ "$now" != "$last" ]; do
      tries=$((tries + 1))
      [ "$tries" -le 40 ] || fail "systemd got no WATCHDOG=1 from the daemon in 20 s (ping $ping; last at $last)"
      sleep 0.5
    done
    last=$now
  done
  [ "$(main_pid)" = "$pid1" ] || fail "a daemon that answers was restarted by the 5 s watchdog (pid $pid1 -> $(main_pid))"
  tries=0

  started=$(date +%s%N)
  in_sh "kill -STOP $pid1"
  until pid2=$(main_pid); [ "$pid2" != 0 ] && [ "$pid2" != "$pid1" ] \
    && in_ct systemctl is-active --quiet tugboat.service; do
    tries=$((tries + 1))
    # WatchdogSec 5 s + RestartSec 5 s + a start, with a wide margin for a loaded machine
    [ "$tries" -le 120 ] || fail "the watchdog did not restart the stopped daemon (pid $pid1) in 60 s: $(in_ct systemctl show -p ActiveState,SubState,Result,NRestarts tugboat.service | tr '\n' ' ')"
    sleep 0.5
  done
  took=$(( ($(date +%s%N) - started) / 1000000 ))
  restarts2=$(in_ct systemctl show -p NRestarts --value tugboat.service)
  [ "$restarts2" -gt "$restarts1" ] || fail "NRestarts did not grow ($restarts1 -> $restarts2)"
  in_ct journalctl -u tugboat --no-pager | grep -c 'Watchdog timeout' >/dev/null \
    || fail "the journal does not say the watchdog ended pid $pid1"
  wait_healthz >/dev/null
  wait_app_state started
  [ "$(app_containers)" = "$ids" ] || fail "after the watchdog's restart the containers changed: before $ids, after $(app_containers)"
  ok "SIGSTOP of the daemon: the 5 s watchdog killed it and systemd restarted it in $took ms (pid $pid1 -> $pid2, NRestarts $restarts1 -> $restarts2), the API answers, the app is started with the same containers"

  in_ct rm -r "$dropin"
  in_ct systemctl daemon-reload
}

check_daemon_maps_archive() {
  local pid
  pid=$(main_pid)
  in_ct grep -q /opt/tugboat/tugboat.jsa "/proc/$pid/maps" \
    || fail "the running daemon (pid $pid) has not mapped /opt/tugboat/tugboat.jsa"
  ok "the running daemon (pid $pid) has /opt/tugboat/tugboat.jsa mapped"
}

# A wrong value in the daemon config: the journal names the key and the service stays failed
# (RestartPreventExitStatus=2), not restarted every 5 s.
check_wrong_config() {
  local tries=0 state
  in_ct cp /etc/tugboat/tugboat.yml /root/tugboat.yml.good
  in_sh "sed -i 's|^listen: .*|listen: nonsense|' /etc/tugboat/tugboat.yml"
  # Type=notify: the start job waits for READY=1, so a daemon that exits first fails it.
  ! in_ct systemctl start tugboat.service 2>/dev/null \
    || fail "systemctl start tugboat succeeded with a wrong 'listen'"
  until state=$(in_ct systemctl show -p ActiveState --value tugboat.service); [ "$state" = failed ]; do
    tries=$((tries + 1))
    [ "$tries" -le 40 ] || fail "with a wrong 'listen' the service is '$state' ($(in_ct systemctl show -p SubState --value tugboat.service)) after 20 s, not failed"
    sleep 0.5
  done
  # Restarted, it would be "activating" (auto-restart) between tries, never "failed".
  [ "$(in_ct systemctl show -p NRestarts --value tugboat.service)" = 0 ] \
    || fail "with a wrong 'listen' the service was restarted"
  grep -q "key 'listen' must be HOST:PORT" <<<"$(in_ct journalctl -u tugboat --no-pager)" \
    || fail "the journal does not name the wrong key 'listen'"
  in_ct cp /root/tugboat.yml.good /etc/tugboat/tugboat.yml
  in_ct systemctl reset-failed tugboat.service
  ok "a wrong 'listen': systemctl start fails, the journal names the key, the service stays failed (exit 2, not restarted)"
}

configure_app() {
  docker cp "$WORK_DIR/app.yml" "$CURRENT:/etc/tugboat/app.yml"
  in_sh "sed -i -e 's|^listen: .*|listen: 127.0.0.1:$PORT|' -e 's|^integration_port: .*|integration_port: $((PORT + 1))|' \
    -e 's|^# app: /etc/tugboat/app.yml|app: /etc/tugboat/app.yml|' /etc/tugboat/tugboat.yml"
  in_ct grep -q '^app: /etc/tugboat/app.yml$' /etc/tugboat/tugboat.yml \
    || fail "/etc/tugboat/tugboat.yml has no '# app: /etc/tugboat/app.yml' line to uncomment"
}

# ---- scripts/install.sh -------------------------------------------------------------------------

test_install_script() {
  local out pid1 pid2 destdir verify
  destdir=$WORK_DIR/destdir
  out=$(DESTDIR=$destdir scripts/install.sh --jar target/tugboat.jar 2>&1) || fail "DESTDIR=... install.sh failed: $out"
  for f in opt/tugboat/tugboat.jar usr/local/bin/tugboat etc/systemd/system/tugboat.service etc/tugboat/tugboat.yml; do
    [ -f "$destdir/$f" ] || fail "DESTDIR install made no $f"
  done
  [ "$(stat -c %a "$destdir/var/lib/tugboat")" = 700 ] || fail "DESTDIR install: var/lib/tugboat is not 0700"
  ok "DESTDIR=DIR scripts/install.sh installs under DIR"

  start_systemd_container "tugboat-install-script-$RUN_ID"
  mkdir -p "$WORK_DIR/src/scripts" "$WORK_DIR/src/target" "$WORK_DIR/src/docs"
  cp scripts/install.sh scripts/tugboat "$WORK_DIR/src/scripts/"
  cp -r config "$WORK_DIR/src/"
  cp docs/install.md "$WORK_DIR/src/docs/"
  cp target/tugboat.jar "$WORK_DIR/src/target/"
  docker cp "$WORK_DIR/src" "$CURRENT:/src"

  out=$(in_ct /src/scripts/install.sh 2>&1) || fail "scripts/install.sh failed: $out"
  grep -q '^installed Tugboat [0-9]' <<<"$out" || fail "scripts/install.sh did not name the version it installed: $out"
  expect_mode /opt/tugboat/tugboat.jar 644
  expect_mode /usr/local/bin/tugboat 755
  expect_mode /etc/systemd/system/tugboat.service 644
  expect_mode /etc/tugboat/tugboat.yml 644
  expect_mode /var/lib/tugboat 700
  check_cds_archive scripts/install.sh
  [ "$(in_ct systemctl is-enabled tugboat.service)" = enabled ] || fail "scripts/install.sh did not enable tugboat.service"
  verify=$(in_ct systemd-analyze verify /etc/systemd/system/tugboat.service 2>&1) && [ -z "$verify" ] \
    || fail "systemd-analyze verify of the unit install.sh installed: $verify"
  ok "scripts/install.sh: files, modes, archive, unit enabled and verified ($(tail -n 1 <<<"$out"))"

  configure_app
  out=$(in_ct /src/scripts/install.sh --start 2>&1) || fail "scripts/install.sh (second run) failed: $out"
  grep -q 'kept /etc/tugboat/tugboat.yml' <<<"$out" || fail "the second run did not keep the config: $out"
  in_ct grep -q "^listen: 127.0.0.1:$PORT\$" /etc/tugboat/tugboat.yml || fail "the second run changed /etc/tugboat/tugboat.yml"
  wait_active "scripts/install.sh --start"
  wait_healthz >/dev/null
  wait_app_state started
  pid1=$(main_pid)
  ok "scripts/install.sh again (--start): config kept, daemon started, app started"

  in_ct systemctl disable --quiet tugboat.service
  out=$(in_ct /src/scripts/install.sh 2>&1) || fail "scripts/install.sh (third run) failed: $out"
  grep -q 'restarted tugboat.service' <<<"$out" || fail "a run with the daemon active did not restart it: $out"
  wait_active "scripts/install.sh over a running daemon"
  pid2=$(main_pid)
  [ "$pid2" != "$pid1" ] || fail "scripts/install.sh did not restart the daemon (pid still $pid1)"
  wait_healthz >/dev/null
  wait_app_state started
  check_daemon_maps_archive
  [ "$(in_ct systemctl is-enabled tugboat.service)" = disabled ] || fail "scripts/install.sh enabled the service the admin disabled"
  ok "scripts/install.sh over a running daemon restarts it (pid $pid1 -> $pid2), the app stays started, disabled stays disabled"

  in_ct tugboat stop >/dev/null 2>&1 || fail "tugboat stop (script install) failed"
  wait_app_state stopped
  docker rm -f "$CURRENT" >/dev/null
  CURRENT=
}

main() {
  WORK_DIR=$(mktemp -d)
  timeout 5 docker version >/dev/null 2>&1 || scripts/setup-docker.sh
  docker image inspect "$BUSYBOX_IMAGE" >/dev/null 2>&1 || scripts/build-images.sh
  ensure_package
  ensure_image
  PORT=$(pick_port)
  write_app
  log "app $APP, API on 127.0.0.1:$PORT"
  test_deb
  test_install_script
  log "all checks passed in $(($(date +%s) - STARTED)) s"
}

main "$@"
