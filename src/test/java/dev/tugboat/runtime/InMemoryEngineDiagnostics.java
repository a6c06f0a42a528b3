package dev.tugboat.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * {@link EngineDiagnostics} over an {@link InMemoryRuntime}: an inspect in Docker's shape ({@code
 * Id}, {@code Name}, {@code Config.Env} as {@code NAME=value}, {@code Config.Labels}, {@code
 * Config.Image}) made from the config the container was created with, its output as the
 * runtime's logs, fixed info and version; any call can be made to fail or to hang.
 */
public final class InMemoryEngineDiagnostics implements EngineDiagnostics {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InMemoryRuntime runtime;
  private volatile Supplier<String> info = () -> "{\"ServerVersion\":\"27.0.0-memory\","
      + "\"NCPU\":2,\"DockerRootDir\":\"/var/lib/docker\"}";
  private volatile Supplier<String> version = () -> "{\"Version\":\"27.0.0-memory\","
      + "\"ApiVersion\":\"1.46\"}";
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile boolean closed;

  public InMemoryEngineDiagnostics(InMemoryRuntime runtime) {
    this.runtime = runtime;
  }

  /** {@code docker version} fails with {@code failure} from now on. */
  public void failVersion(RuntimeFailure failure) {
    version = () -> {
      throw failure;
    };
  }

  /** {@code docker info} answers {@code json}. */
  public void info(String json) {
    info = () -> json;
  }

  /** {@code docker info} never answers, until {@link #close()}. */
  public void hangInfo() {
    info = () -> {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw RuntimeFailure.timedOut("the engine did not answer");
    };
  }

  @Override
  public String inspectJson(ContainerId id) {
    Map.Entry<String, ContainerConfig> created = runtime.created(id)
        .orElseThrow(() -> RuntimeFailure.noSuchContainer(id));
    ContainerConfig config = created.getValue();
    ObjectNode root = JSON.createObjectNode().put("Id", id.value())
        .put("Name", "/" + created.getKey());
    ObjectNode shown = root.putObject("Config").put("Image", config.image());
    var env = shown.putArray("Env");
    config.env().forEach((name, value) -> env.add(name + "=" + value));
    ObjectNode labels = shown.putObject("Labels");
    config.labels().forEach(labels::put);
    return root.toString();
  }

  @Override
  public String infoJson() {
    return info.get();
  }

  @Override
  public String versionJson() {
    return version.get();
  }

  @Override
  public LogTail logTail(ContainerId id, LogTail.Limits limits) {
    return LogTail.of(runtime.logs(id, limits.lines()).stream().map(LogLine::text).toList(),
        limits);
  }

  /** A file copied into the container (a config file, say), as the engine would read it out. */
  @Override
  public ContainerFile fileOf(ContainerId id, String path, int maxBytes) {
    byte[] content = runtime.fileIn(id, path).map(FileToCopy::content)
        .orElseThrow(() -> RuntimeFailure.engineError("copy " + path + " out of container " + id,
            "Could not find the file " + path + " in container " + id.value(), null));
    return new ContainerFile(path, java.util.Arrays.copyOf(content,
        Math.min(maxBytes, content.length)), content.length);
  }

  /** The runtime's scripted exec answers. */
  @Override
  public ExecResult exec(ContainerId id, ExecRequest request) {
    return runtime.exec(id, request);
  }

  /** Ends every hang. */
  @Override
  public void close() {
    closed = true;
    released.countDown();
  }

  public boolean closed() {
    return closed;
  }
}
