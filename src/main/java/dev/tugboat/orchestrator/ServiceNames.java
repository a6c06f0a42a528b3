package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of what Swarm runs for an app: {@code tugboat-<app>-<component>-<container>} for a
 * clustered container's service and {@code tugboat-<app>} for the app's overlay network. Swarm
 * takes at most 63 characters (a service name is a DNS label); a longer name keeps its start and
 * ends in a hash of the whole, so two long names stay apart.
 */
public final class ServiceNames {

  static final int MAX_LENGTH = 63;

  private ServiceNames() {}

  public static String service(String app, ContainerKey key) {
    return fit("tugboat-" + InstanceNames.part(app) + "-" + InstanceNames.part(key.component())
        + "-" + InstanceNames.part(key.container()));
  }

  public static String network(String app) {
    return fit("tugboat-" + InstanceNames.part(app));
  }

  static String fit(String name) {
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    String hash = HexFormat.of().formatHex(sha256(name)).substring(0, 8);
    return name.substring(0, MAX_LENGTH - hash.length() - 1).replaceAll("[-_.]+$", "") + "-"
        + hash;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
