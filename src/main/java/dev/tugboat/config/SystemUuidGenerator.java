package dev.tugboat.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code system_uuid}: the machine's identity. The firmware's product UUID where readable (root only),
 * else systemd's machine id written as a UUID; both are stable across reboots.
 */
final class SystemUuidGenerator implements Generator {

  static final Path PRODUCT_UUID = Path.of("/sys/class/dmi/id/product_uuid");
  static final Path MACHINE_ID = Path.of("/etc/machine-id");

  private final Path productUuid;
  private final Path machineId;

  SystemUuidGenerator(Path productUuid, Path machineId) {
    this.productUuid = productUuid;
    this.machineId = machineId;
  }

  @Override
  public List<String> generate(List<String> args) throws GeneratorException {
    if (!args.isEmpty()) {
      throw new GeneratorException("system_uuid takes no arguments, got " + args);
    }
    String product = readTrimmed(productUuid);
    if (product.matches("[0-9a-fA-F-]{36}")) {
      return List.of(product.toLowerCase(Locale.ROOT));
    }
    String id = readTrimmed(machineId);
    if (id.matches("[0-9a-fA-F]{32}")) {
      String hex = id.toLowerCase(Locale.ROOT);
      return List.of(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16)
          + "-" + hex.substring(16, 20) + "-" + hex.substring(20));
    }
    throw new GeneratorException("system_uuid: this host has no readable " + productUuid + " or "
        + machineId + "; run 'systemd-machine-id-setup' to create a machine id");
  }

  private static String readTrimmed(Path path) {
    try {
      return Files.isReadable(path) ? Files.readString(path).trim() : "";
    } catch (IOException e) {
      // Unreadable (permissions, a racing write): the next source is tried, then the error names both.
      return "";
    }
  }
}
