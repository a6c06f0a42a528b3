package dev.tugboat.orchestrator;

import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.HostInterfaces;
import dev.tugboat.runtime.ContainerState;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds out whether a host port is free by binding it for a moment; when it is not, names the
 * holder: a container that publishes it, else the process listening on it (from {@code /proc}),
 * else "another process".
 */
public final class SystemHostPorts implements HostPorts {

  private final ContainerRuntime runtime;
  private final HostInterfaces interfaces;

  public SystemHostPorts(ContainerRuntime runtime, HostInterfaces interfaces) {
    this.runtime = runtime;
    this.interfaces = interfaces;
  }

  @Override
  public Optional<String> holder(PreflightNeeds.PortNeed port) {
    Optional<String> address = port.hostInterface().isEmpty() ? Optional.of(port.hostAddress())
        : interfaces.ipv4Of(port.hostInterface());
    // An interface this host lacks is not a taken port: the launch names the interface.
    if (address.isEmpty() || canBind(address.get(), port)) {
      return Optional.empty();
    }
    return container(port.hostPort())
        .or(() -> process(port.hostPort()))
        .or(() -> Optional.of("another process"));
  }

  private static boolean canBind(String hostAddress, PreflightNeeds.PortNeed port) {
    InetSocketAddress address = hostAddress.isEmpty()
        ? new InetSocketAddress(port.hostPort())
        : new InetSocketAddress(hostAddress, port.hostPort());
    try {
      if (port.protocol().equalsIgnoreCase("udp")) {
        try (DatagramSocket socket = new DatagramSocket(address)) {
          return true;
        }
      }
      try (ServerSocket socket = new ServerSocket()) {
        // SO_REUSEADDR: a socket in TIME-WAIT (left by any client that talked to the port, e.g. a
        // health check) must not make a free port look taken for a minute; on Linux a bind with
        // it still fails while another socket listens, which is all this check is for.
        socket.setReuseAddress(true);
        socket.bind(address);
        return true;
      }
    } catch (IOException e) {
      return false;
    }
  }

  private Optional<String> container(int hostPort) {
    for (ContainerSummary summary : runtime.listByLabels(Map.of())) {
      if (summary.state() != ContainerState.RUNNING) {
        continue;
      }
      Optional<ContainerInfo> info = runtime.inspect(summary.id());
      boolean publishes = info.stream().flatMap(i -> i.publishedPorts().stream())
          .anyMatch(p -> p.hostPort() == hostPort);
      if (publishes) {
        return Optional.of("container " + summary.name());
      }
    }
    return Optional.empty();
  }

  /** The listening socket's inode from /proc/net/tcp*, then the process holding that inode. */
  private static Optional<String> process(int hostPort) {
    Optional<String> inode = Stream.of("/proc/net/tcp", "/proc/net/tcp6")
        .flatMap(file -> lines(Path.of(file)).stream().skip(1))
        .map(line -> line.trim().split("\\s+"))
        .filter(f -> f.length > 9 && f[3].equals("0A") && portOf(f[1]) == hostPort)
        .map(f -> f[9])
        .findFirst();
    return inode.flatMap(SystemHostPorts::processHolding);
  }

  private static int portOf(String localAddress) {
    return Integer.parseInt(localAddress.substring(localAddress.lastIndexOf(':') + 1), 16);
  }

  private static Optional<String> processHolding(String inode) {
    String target = "socket:[" + inode + "]";
    try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
      return pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> holds(p, target))
          .findFirst()
          .map(p -> "process " + lines(p.resolve("comm")).stream().findFirst().orElse("?")
              + " (pid " + p.getFileName() + ")");
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean holds(Path pid, String target) {
    try (Stream<Path> fds = Files.list(pid.resolve("fd"))) {
      return fds.anyMatch(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().equals(target);
        } catch (IOException e) {
          return false;
        }
      });
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
