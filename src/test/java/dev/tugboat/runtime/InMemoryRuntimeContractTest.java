package dev.tugboat.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The in-memory runtime keeps the contract the Docker Engine keeps ({@code DockerRuntimeContractIT}). */
class InMemoryRuntimeContractTest extends ContainerRuntimeContract {

  private static final String IMAGE = "tugboat-test/busybox:1";

  private final ManualClock clock = new ManualClock();
  private final InMemoryRuntime runtime = new InMemoryRuntime(clock);

  @Override
  protected ContainerRuntime runtime() {
    return runtime;
  }

  @Override
  protected Map<String, String> labels() {
    return Map.of("dev.tugboat.test", "contract");
  }

  @Override
  protected String name(String shortName) {
    return "contract-" + shortName;
  }

  @Override
  protected ContainerConfigBuilder service(String shortName) {
    runtime.scriptNamed(name(shortName)).logsAfter(Duration.ZERO, "ready")
        .execAnswers(EXEC_CMD, ExecResult.of(3, "from-exec\n"));
    return ContainerConfig.builder(IMAGE).name(name(shortName));
  }

  @Override
  protected String imageOfOurOwn(String shortName) {
    return "contract/" + shortName + ":1";
  }

  @Override
  protected ContainerConfigBuilder ignoringSigterm(String shortName) {
    runtime.scriptNamed(name(shortName)).ignoresSigterm();
    return ContainerConfig.builder(IMAGE).name(name(shortName));
  }

  @Override
  protected ContainerConfigBuilder writesThenExits(String shortName, int code, String... lines) {
    ContainerScript script = runtime.scriptNamed(name(shortName));
    for (int i = 0; i < lines.length; i++) {
      script.logsAfter(Duration.ofMillis(10L * i), lines[i]);
    }
    script.exitsAfter(Duration.ofMillis(10L * lines.length + 10), code);
    return ContainerConfig.builder(IMAGE).name(name(shortName));
  }

  @Override
  protected void eventually(BooleanSupplier condition) {
    for (int step = 0; step < 600; step++) {
      if (condition.getAsBoolean()) {
        return;
      }
      clock.advance(Duration.ofMillis(100));
    }
    throw new AssertionError("the condition did not hold within 60 s of virtual time");
  }

  @Override
  protected String fileContent(ContainerId id, String path) {
    String name = runtime.inspect(id).orElseThrow().name();
    return runtime.copiedFiles(name).stream().filter(f -> f.path().equals(path))
        .map(f -> new String(f.content(), StandardCharsets.UTF_8))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no file " + path + " in " + name));
  }
}
