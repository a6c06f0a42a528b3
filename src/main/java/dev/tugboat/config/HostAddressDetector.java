package dev.tugboat.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds this host's addresses without asking any outside service: the private address is the IPv4
 * address of the interface that carries the default route (from {@code /proc/net/route}); without a
 * default route, the first non-loopback IPv4 address; without one, {@code 127.0.0.1}.
 */
public final class HostAddressDetector {

  static final String DOCKER_BRIDGE = "docker0";
  /** Docker's default bridge address, used when the bridge interface is not visible from here. */
  static final String DEFAULT_DOCKER_ADDRESS = "172.17.0.1";

  private static final Path PROC_NET_ROUTE = Path.of("/proc/net/route");

  private HostAddressDetector() {}

  /** Detects the addresses of the machine this runs on. */
  public static HostAddresses detect() {
    String routes;
    try {
      routes = Files.exists(PROC_NET_ROUTE) ? Files.readString(PROC_NET_ROUTE) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PROC_NET_ROUTE + ": " + e.getMessage(), e);
    }
    return fromFacts(routes, interfaceAddresses());
  }

  /**
   * The addresses that follow from a routing table in {@code /proc/net/route} format and the first
   * IPv4 address of each interface.
   */
  static HostAddresses fromFacts(String procNetRoute, Map<String, String> interfaces) {
    String privateAddress = defaultRouteInterface(procNetRoute)
        .map(interfaces::get)
        .or(() -> firstNonLoopback(interfaces))
        .orElse("127.0.0.1");
    String docker = interfaces.getOrDefault(DOCKER_BRIDGE, DEFAULT_DOCKER_ADDRESS);
    return new HostAddresses(privateAddress, privateAddress, docker, interfaces);
  }

  static Optional<String> defaultRouteInterface(String procNetRoute) {
    return procNetRoute.lines()
        .skip(1)
        .map(line -> line.trim().split("\\s+"))
        .filter(fields -> fields.length >= 8 && fields[1].equals("00000000") && fields[7].equals("00000000"))
        .map(fields -> fields[0])
        .findFirst();
  }

  private static Optional<String> firstNonLoopback(Map<String, String> interfaces) {
    return interfaces.values().stream().filter(a -> !a.startsWith("127.")).findFirst();
  }

  private static Map<String, String> interfaceAddresses() {
    Map<String, String> byName = new TreeMap<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            byName.putIfAbsent(nic.getName(), address.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      throw new UncheckedIOException("cannot list network interfaces: " + e.getMessage(), e);
    }
    return byName;
  }
}
