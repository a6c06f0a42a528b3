package dev.tugboat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Test specs from src/test/resources/specs, with @PLACEHOLDERS@ replaced, written to a file. */
final class TestSpecs {

  private TestSpecs() {}

  static Path write(Path dir, String resource, Map<String, String> values) throws IOException {
    String text;
    try (InputStream in = TestSpecs.class.getResourceAsStream("/specs/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test spec " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("@" + value.getKey() + "@", value.getValue());
    }
    Path file = dir.resolve(resource);
    Files.writeString(file, text);
    return file;
  }

  /** A name no other test run uses. */
  static String uniqueApp(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
