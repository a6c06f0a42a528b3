package dev.tugboat.runtime;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/**
 * Looks up a host network interface's IPv4 address, to publish a port on that interface only (and
 * to check before a run that the port is free there).
 */
public interface HostInterfaces {
  /** The interface's first IPv4 address, or empty if it does not exist or has none. */
  Optional<String> ipv4Of(String interfaceName);

  /** The interfaces of the machine this process runs on (the engine's host, for a local engine). */
  static HostInterfaces ofThisMachine() {
    return name -> {
      try {
        NetworkInterface nic = NetworkInterface.getByName(name);
        if (nic == null) {
          return Optional.empty();
        }
        return nic.inetAddresses().filter(a -> a instanceof Inet4Address)
            .map(a -> a.getHostAddress()).findFirst();
      } catch (SocketException e) {
        return Optional.empty();
      }
    };
  }
}
