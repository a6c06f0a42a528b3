package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.HostInterfaces;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemHostPortsTest {

  private static final ContainerKey WEB = ContainerKey.parse("web/shop");
  private final HostInterfaces interfaces =
      name -> name.equals("lo") ? Optional.of("127.0.0.1") : Optional.empty();
  private final SystemHostPorts ports =
      new SystemHostPorts(new InMemoryRuntime(new ManualClock()), interfaces);

  @Test
  void aPortHeldOnANamedInterfacesAddressIsTaken() throws IOException {
    try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      PreflightNeeds.PortNeed need =
          new PreflightNeeds.PortNeed("", held.getLocalPort(), "tcp", WEB, "lo");
      assertThat(ports.holder(need)).isPresent();
      assertThat(need.label()).isEqualTo(held.getLocalPort() + "/tcp on lo");
    }
  }

  @Test
  void aFreePortOrAnInterfaceThisHostLacksIsNotReportedAsTaken() throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      free = probe.getLocalPort();
    }
    assertThat(ports.holder(new PreflightNeeds.PortNeed("", free, "tcp", WEB, "lo"))).isEmpty();
    try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(ports.holder(new PreflightNeeds.PortNeed("", held.getLocalPort(), "tcp", WEB,
          "eth9"))).as("the launch names the missing interface").isEmpty();
    }
  }
}
