package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HostAddressDetectorTest {

  private static final String ROUTES = String.join("\n",
      "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
      "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0",
      "ens3\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0",
      "");

  private static final Map<String, String> NICS =
      Map.of("lo", "127.0.0.1", "docker0", "172.18.0.1", "ens3", "192.0.2.7", "wg0", "10.9.0.1");

  @Test
  void privateAddressIsTheDefaultRouteInterfaceAddress() {
    HostAddresses host = HostAddressDetector.fromFacts(ROUTES, NICS);

    assertThat(host.privateAddress()).isEqualTo("192.0.2.7");
    assertThat(host.publicAddress()).isEqualTo("192.0.2.7");
    assertThat(host.dockerAddress()).isEqualTo("172.18.0.1");
    assertThat(host.interfaceAddress("wg0")).contains("10.9.0.1");
    assertThat(host.interfaceAddress("eth9")).isEmpty();
  }

  @Test
  void withoutADefaultRouteTakesANonLoopbackAddress() {
    HostAddresses host = HostAddressDetector.fromFacts("Iface\tDestination\n", Map.of("lo", "127.0.0.1", "eth1", "10.1.1.1"));

    assertThat(host.privateAddress()).isEqualTo("10.1.1.1");
    assertThat(host.dockerAddress()).isEqualTo("172.17.0.1");
  }

  @Test
  void withNothingFallsBackToLoopback() {
    assertThat(HostAddressDetector.fromFacts("", Map.of("lo", "127.0.0.1")).privateAddress())
        .isEqualTo("127.0.0.1");
  }

  @Test
  void overridesReplaceOneAddressOnly() {
    HostAddresses host = HostAddressDetector.fromFacts(ROUTES, NICS)
        .withPublicAddress("203.0.113.1")
        .withPrivateAddress("10.0.0.2");

    assertThat(host.publicAddress()).isEqualTo("203.0.113.1");
    assertThat(host.privateAddress()).isEqualTo("10.0.0.2");
    assertThat(host.dockerAddress()).isEqualTo("172.18.0.1");
  }

  @Test
  void detectsThisMachine() {
    assertThat(HostAddressDetector.detect().privateAddress()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
  }
}
