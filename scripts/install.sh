#!/bin/sh
# Installs Tugboat as a systemd service: the jar in /opt/tugboat, the `tugboat` command in
# /usr/local/bin, the unit, the daemon config (kept if it exists) and the private state directory.
# Idempotent: running it again upgrades the jar and the unit and restarts a running daemon (the
# app's containers keep running); it enables the service on the first run only. Run as root from a clone after `mvn -B package`, or give the jar:
#
#   sudo scripts/install.sh [--jar PATH] [--start]
#
# DESTDIR=/some/root installs under that root and skips systemctl (for packaging and tests).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/target/tugboat.jar"
start=no
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --start) start=yes; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

root="${DESTDIR:-}"
if [ ! -f "$jar" ]; then
  echo "install.sh: no jar at $jar; build it with: mvn -B package -DskipTests" >&2
  exit 1
fi
if [ -z "$root" ] && [ "$(id -u)" != 0 ]; then
  echo "install.sh: run as root (sudo), as it writes /opt, /etc and /var/lib" >&2
  exit 1
fi
if [ -z "$root" ] && ! command -v java >/dev/null 2>&1; then
  echo "install.sh: no java on PATH; install a Java 17 runtime (apt-get install openjdk-17-jre-headless)" >&2
  exit 1
fi
if [ -z "$root" ] && ! command -v curl >/dev/null 2>&1; then
  echo "install.sh: no curl on PATH; tugboat-cds-archive needs it (apt-get install curl)" >&2
  exit 1
fi

install -d -m 0755 "$root/opt/tugboat" "$root/usr/local/bin" "$root/etc/systemd/system" \
  "$root/etc/tugboat"
# Copy then rename: a daemon reading the old jar never sees a half-written one.
install -m 0644 "$jar" "$root/opt/tugboat/tugboat.jar.new"
mv -f "$root/opt/tugboat/tugboat.jar.new" "$root/opt/tugboat/tugboat.jar"
install -m 0755 "$here/scripts/tugboat" "$root/usr/local/bin/tugboat"
install -m 0755 "$here/config/deb/tugboat-cds-archive" "$root/opt/tugboat/tugboat-cds-archive"
# Enabled only when first installed: running the script again (an upgrade) keeps a `systemctl disable`.
first_install=no
[ -f "$root/etc/systemd/system/tugboat.service" ] || first_install=yes
install -m 0644 "$here/config/tugboat.service" "$root/etc/systemd/system/tugboat.service"
if [ ! -f "$root/etc/tugboat/tugboat.yml" ]; then
  install -m 0644 "$here/config/tugboat.yml" "$root/etc/tugboat/tugboat.yml"
  echo "installed /etc/tugboat/tugboat.yml: set 'app' to your app spec's path"
else
  echo "kept /etc/tugboat/tugboat.yml"
fi
install -d -m 0700 "$root/var/lib/tugboat"
chmod 0700 "$root/var/lib/tugboat"

if [ -z "$root" ]; then
  # a faster start: the classes the daemon loads, archived for the jar just installed
  /opt/tugboat/tugboat-cds-archive /opt/tugboat/tugboat.jar
fi
if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  if [ "$first_install" = yes ]; then
    systemctl enable tugboat.service >/dev/null
  fi
  if systemctl is-active --quiet tugboat.service; then
    systemctl restart tugboat.service
    echo "restarted tugboat.service"
  elif [ "$start" = yes ]; then
    systemctl start tugboat.service
    echo "started tugboat.service"
  else
    echo "tugboat.service is $(systemctl is-enabled tugboat.service); start it with: systemctl start tugboat"
  fi
fi
# The jar says its version (`tugboat 1.2.3`); with DESTDIR this host may have no Java to ask.
version=$(java -XX:TieredStopAtLevel=1 -jar "$root/opt/tugboat/tugboat.jar" --version 2>/dev/null || true)
echo "installed Tugboat ${version#tugboat }"
