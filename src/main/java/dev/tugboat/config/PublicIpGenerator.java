package dev.tugboat.config;

import java.util.List;

/**
 * {@code publicip}: the host's public address. Replicated asks an outside service; Tugboat never does:
 * it returns the configured public address, which defaults to the detected private address.
 */
final class PublicIpGenerator implements Generator {

  private final HostAddresses host;

  PublicIpGenerator(HostAddresses host) {
    this.host = host;
  }

  @Override
  public List<String> generate(List<String> args) throws GeneratorException {
    if (!args.isEmpty()) {
      throw new GeneratorException("publicip takes no arguments, got " + args);
    }
    return List.of(host.publicAddress());
  }
}
