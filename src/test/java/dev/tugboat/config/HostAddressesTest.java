package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostAddressesTest {

  private final HostAddresses detected =
      new HostAddresses("192.0.2.2", "192.0.2.2", "172.17.0.1", Map.of("eth0", "192.0.2.2"));

  @Test
  void noOverrideKeepsWhatWasDetected() {
    assertThat(detected.overriddenBy(Optional.empty(), Optional.empty())).isEqualTo(detected);
  }

  @Test
  void aPrivateOverrideIsThePublicAddressTooUnlessThatIsOverridden() {
    HostAddresses onlyPrivate = detected.overriddenBy(Optional.of("10.0.0.5"), Optional.empty());
    assertThat(onlyPrivate.privateAddress()).isEqualTo("10.0.0.5");
    assertThat(onlyPrivate.publicAddress()).isEqualTo("10.0.0.5");

    HostAddresses both = detected.overriddenBy(Optional.of("10.0.0.5"), Optional.of("203.0.113.10"));
    assertThat(both.privateAddress()).isEqualTo("10.0.0.5");
    assertThat(both.publicAddress()).isEqualTo("203.0.113.10");
    assertThat(both.dockerAddress()).isEqualTo("172.17.0.1");
  }

  @Test
  void aPublicOverrideLeavesThePrivateAddress() {
    HostAddresses onlyPublic = detected.overriddenBy(Optional.empty(), Optional.of("203.0.113.10"));
    assertThat(onlyPublic.privateAddress()).isEqualTo("192.0.2.2");
    assertThat(onlyPublic.publicAddress()).isEqualTo("203.0.113.10");
  }
}
