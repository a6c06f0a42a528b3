package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tugboat.runtime.ClusterTask;
import dev.tugboat.runtime.FileToCopy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A clustered container's files as Swarm configs: a task on another node cannot be written into,
 * so each file is a config the service mounts. A config cannot change, so its name holds a hash of
 * the file: other content is another config.
 */
final class SwarmConfigFiles {

  /** The service whose files a config holds, to remove them with it. */
  static final String SERVICE_LABEL = SwarmServiceSpec.PREFIX + "service";

  private SwarmConfigFiles() {}

  static String name(String service, FileToCopy file) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(file.path().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(file.content());
      return service + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  static ObjectNode spec(String name, String service, String app, FileToCopy file) {
    ObjectNode spec = SwarmApi.json().createObjectNode();
    spec.put("Name", name);
    ObjectNode labels = spec.putObject("Labels").put(SERVICE_LABEL, service);
    if (!app.isEmpty()) {
      labels.put(ClusterTask.APP_LABEL, app);
    }
    spec.put("Data", Base64.getEncoder().encodeToString(file.content()));
    return spec;
  }
}
