package dev.tugboat.config;

import dev.tugboat.template.TemplateEnvironment;
import java.util.Map;
import java.util.Optional;

/**
 * The host's addresses as templates and the {@code publicip} command see them. Made once by {@link
 * HostAddressDetector} (or by hand in tests); the daemon's configuration may override the private and
 * public address. Immutable: looking an address up never does I/O.
 *
 * @param privateAddress the address of the interface that carries the default route
 * @param publicAddress the address the host is reached at from outside; without an override, the
 *     private address (no external service is asked)
 * @param dockerAddress the Docker bridge's address on this host
 * @param interfaces first IPv4 address of each network interface, by interface name
 */
public record HostAddresses(
    String privateAddress, String publicAddress, String dockerAddress, Map<String, String> interfaces)
    implements TemplateEnvironment.HostFacts {

  public HostAddresses {
    interfaces = Map.copyOf(interfaces);
  }

  /** These addresses with the private address replaced (an operator's override). */
  public HostAddresses withPrivateAddress(String address) {
    return new HostAddresses(address, publicAddress, dockerAddress, interfaces);
  }

  /** These addresses with the public address replaced (an operator's override). */
  public HostAddresses withPublicAddress(String address) {
    return new HostAddresses(privateAddress, address, dockerAddress, interfaces);
  }

  /**
   * These addresses with an operator's overrides applied. A private override is the public address
   * too, unless that is overridden as well: on a host with one address both are the same.
   */
  public HostAddresses overriddenBy(Optional<String> privateOverride, Optional<String> publicOverride) {
    HostAddresses host = privateOverride
        .map(address -> withPrivateAddress(address).withPublicAddress(address))
        .orElse(this);
    return publicOverride.map(host::withPublicAddress).orElse(host);
  }

  @Override
  public Optional<String> interfaceAddress(String interfaceName) {
    return Optional.ofNullable(interfaces.get(interfaceName));
  }
}
