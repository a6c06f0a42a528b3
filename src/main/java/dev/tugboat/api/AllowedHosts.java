package dev.tugboat.api;

import com.google.common.net.HostAndPort;
import com.google.common.net.InetAddresses;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a request's {@code Host} header may carry. A page on an attacker's site whose name is
 * made to resolve to 127.0.0.1 (DNS rebinding) reaches the daemon with the attacker's name in
 * {@code Host}; refusing names the console is not reached by keeps it from reading {@code
 * /metrics} or driving {@code /healthz}. An IP address is always allowed: a browser sends one only
 * when it was pointed at that address, which is the daemon's own origin, not another site's.
 * Names: {@code localhost}, the host's own name, and those the operator configures. A request with
 * no {@code Host} (HTTP/1.0, a script) did not come from a browser and is allowed.
 */
record AllowedHosts(Set<String> names) {

  AllowedHosts {
    Set<String> lower = new TreeSet<>();
    names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
    lower.add("localhost");
    names = Set.copyOf(lower);
  }

  static AllowedHosts of(String... names) {
    return new AllowedHosts(Set.of(names));
  }

  boolean allows(String hostHeader) {
    if (hostHeader == null || hostHeader.isEmpty()) {
      return true;
    }
    String host;
    try {
      host = HostAndPort.fromString(hostHeader.strip()).getHost();
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return InetAddresses.isInetAddress(name) || names.contains(name);
  }

  /** For the refusal: what the operator may use, and how to add a name. */
  String describe() {
    return "an IP address of this host or " + String.join(", ", names);
  }
}
