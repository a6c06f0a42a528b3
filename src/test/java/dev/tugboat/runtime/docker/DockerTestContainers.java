package dev.tugboat.runtime.docker;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerConfigBuilder;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerSummary;
import java.util.Map;
import java.util.UUID;

/**
 * Test containers on the real engine: each carries {@code dev.tugboat.test=runtime-it} and a
 * per-test run label, and {@link #removeAll()} removes every container of this test.
 */
final class DockerTestContainers implements AutoCloseable {
  static final String IMAGE = "tugboat-test/busybox:1";
  static final String TEST_LABEL = "dev.tugboat.test";
  static final String TEST_LABEL_VALUE = "runtime-it";

  final DockerRuntime runtime = DockerRuntime.connect(java.util.Optional.empty());
  final String run = UUID.randomUUID().toString().substring(0, 8);

  /** A config of the busybox image with the test labels and a unique name. */
  ContainerConfigBuilder config(String shortName, String... cmd) {
    return configOf(IMAGE, shortName, cmd);
  }

  ContainerConfigBuilder configOf(String image, String shortName, String... cmd) {
    return ContainerConfig.builder(image)
        .name(name(shortName))
        .label(TEST_LABEL, TEST_LABEL_VALUE)
        .label("dev.tugboat.run", run)
        .cmd(cmd);
  }

  String name(String shortName) {
    return "tugboat-it-" + run + "-" + shortName;
  }

  Map<String, String> runLabels() {
    return Map.of(TEST_LABEL, TEST_LABEL_VALUE, "dev.tugboat.run", run);
  }

  ContainerId createAndStart(ContainerConfigBuilder config) {
    ContainerId id = runtime.create(config.build());
    runtime.start(id);
    return id;
  }

  void removeAll() {
    for (ContainerSummary c : runtime.listByLabels(runLabels())) {
      runtime.remove(c.id());
    }
  }

  @Override
  public void close() {
    try {
      removeAll();
    } finally {
      runtime.close();
    }
  }
}
