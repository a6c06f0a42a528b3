# Sourced (after `cd` to the repository's root) by scripts that publish a container on a host port.

# A port no socket is bound to, below the kernel's ephemeral range: a port in that range may be
# taken at any moment as the local end of an outgoing connection (the tests' API polls, the
# daemon's probes), and one closed a moment before stays bound in TIME_WAIT for a minute, so
# Docker's proxy could not bind it when a container published on it starts (again).
free_port() {
  local port low
  read -r low _ < /proc/sys/net/ipv4/ip_local_port_range
  [ "$low" -gt 11000 ] || low=60000 # an unusual range: below it, too few ports to pick from
  while :; do
    port=$(shuf -i "10000-$((low - 1))" -n 1)
    [ -n "$(ss -Htan "sport = :$port")" ] || { echo "$port"; return; }
  done
}
