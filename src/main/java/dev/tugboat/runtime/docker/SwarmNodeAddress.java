package dev.tugboat.runtime.docker;

/**
 * The address a node of the swarm is reached at. A manager may report no address of its own
 * ({@code Status.Addr} empty or {@code 0.0.0.0}: it listens on every interface); its cluster
 * address ({@code ManagerStatus.Addr}, {@code host:2377}) then tells.
 */
final class SwarmNodeAddress {

  private SwarmNodeAddress() {}

  static String of(String statusAddress, String managerAddress) {
    String address = statusAddress == null ? "" : statusAddress;
    if (!address.isEmpty() && !address.equals("0.0.0.0")) {
      return address;
    }
    return managerAddress == null ? address : managerAddress.replaceFirst(":\\d+$", "");
  }
}
