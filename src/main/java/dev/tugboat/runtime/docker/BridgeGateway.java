package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.model.Network;
import dev.tugboat.runtime.HostInterfaces;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default bridge's gateway: the host's address as containers on the bridge see it. Engine 20.10
 * often lists only the subnet, no gateway, for the default bridge; then the gateway is the address
 * of the bridge's interface on the host ({@code docker0}), which by default is the subnet's first.
 */
final class BridgeGateway {
  private static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";

  private BridgeGateway() {}

  static Optional<String> of(Network bridge, HostInterfaces interfaces) {
    List<Network.Ipam.Config> configs = bridge.getIpam() == null || bridge.getIpam().getConfig() == null
        ? List.of() : bridge.getIpam().getConfig();
    return of(configs, bridge.getOptions() == null ? Map.of() : bridge.getOptions(), interfaces);
  }

  static Optional<String> of(
      List<Network.Ipam.Config> configs, Map<String, String> options, HostInterfaces interfaces) {
    Optional<String> declared = configs.stream().map(Network.Ipam.Config::getGateway)
        .filter(BridgeGateway::isIpv4).findFirst();
    if (declared.isPresent()) {
      return declared;
    }
    Optional<String> ofInterface = Optional.ofNullable(options.get(BRIDGE_NAME_OPTION))
        .flatMap(interfaces::ipv4Of);
    if (ofInterface.isPresent()) {
      return ofInterface;
    }
    return configs.stream().map(Network.Ipam.Config::getSubnet).filter(BridgeGateway::isIpv4)
        .findFirst().map(BridgeGateway::firstHost);
  }

  /** {@code 172.17.0.0/16} gives {@code 172.17.0.1}. */
  static String firstHost(String subnet) {
    String[] octets = subnet.split("/")[0].split("\\.");
    long address = 0;
    for (String octet : octets) {
      address = address << 8 | Integer.parseInt(octet);
    }
    address++;
    return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "."
        + (address & 255);
  }

  private static boolean isIpv4(String address) {
    return address != null && !address.isEmpty() && !address.contains(":");
  }
}
