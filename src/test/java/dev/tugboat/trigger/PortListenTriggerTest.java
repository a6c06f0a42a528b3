package dev.tugboat.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.ProbeOutcome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Probes a real loopback socket: one connect per check, no waiting. */
class PortListenTriggerTest {

  private static final ContainerKey DB = ContainerKey.parse("db/postgres");

  private static Observation at(String address, List<BoundPort> ports) {
    return new Observation(DB, "id", true, OptionalInt.empty(), address, ports, "");
  }

  @Test
  void passesWhenTheContainersOwnPortAccepts() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = server.getLocalPort();
      ProbeOutcome outcome = PortListenTrigger.fromData(String.valueOf(port))
          .check(at("127.0.0.1", List.of()));

      assertThat(outcome).isEqualTo(ProbeOutcome.passed("127.0.0.1:" + port + " accepted a connection"));
    }
  }

  @Test
  void refusedConnectionIsPendingAndSaysWhereItLooked() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = server.getLocalPort();
    }
    ProbeOutcome outcome = PortListenTrigger.fromData(String.valueOf(port))
        .check(at("127.0.0.1", List.of()));

    assertThat(outcome).isEqualTo(ProbeOutcome.pending(
        "port " + port + " refused connections at 127.0.0.1:" + port));
  }

  @Test
  void aHostPortInDataProbesThePrivatePortBoundToIt() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int privatePort = server.getLocalPort();
      Observation observation =
          at("127.0.0.1", List.of(new BoundPort(privatePort, "tcp", "0.0.0.0", 15432)));

      assertThat(PortListenTrigger.fromData("15432").check(observation).isPassed()).isTrue();
    }
  }

  @Test
  void aPublisherThatExitedCanNeverListen() {
    Observation exited = new Observation(DB, "id", false, OptionalInt.of(1), "", List.of(), "");

    assertThat(PortListenTrigger.fromData("5432").check(exited)).isEqualTo(ProbeOutcome.failed(
        "db/postgres exited with code 1 before port 5432 accepted connections"));
  }
}
