package dev.tugboat.daemon;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.EventFilter;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.runtime.HostFacts;
import dev.tugboat.runtime.ImageInfo;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.LogListener;
import dev.tugboat.runtime.RegistryCredentials;
import dev.tugboat.runtime.RuntimeEventListener;
import dev.tugboat.runtime.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A container runtime that is still being made: the Docker client takes a second or more to load,
 * so the daemon makes it while the API comes up, and the first call waits for it; a ping, meanwhile,
 * may be answered another way ({@code /healthz} asks one as soon as the API listens).
 */
final class ConnectingRuntime implements ContainerRuntime {

  private final CompletableFuture<? extends ContainerRuntime> connecting;
  private final Optional<Runnable> pingWhileConnecting;

  ConnectingRuntime(Supplier<? extends ContainerRuntime> connect) {
    this(CompletableFuture.supplyAsync(connect));
  }

  /** {@code connecting}: the runtime being made, shared with what else needs its client. */
  ConnectingRuntime(CompletableFuture<? extends ContainerRuntime> connecting) {
    this(connecting, Optional.empty());
  }

  /**
   * As above; {@code pingWhileConnecting} pings the same engine without the client (returning when
   * it answers, throwing as {@link #ping()} does when not) until the client is made.
   */
  ConnectingRuntime(CompletableFuture<? extends ContainerRuntime> connecting,
      Optional<Runnable> pingWhileConnecting) {
    this.connecting = connecting;
    this.pingWhileConnecting = pingWhileConnecting;
  }

  /** The engine client once it is made; waits for it. */
  ContainerRuntime runtime() {
    try {
      return connecting.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public void ping() {
    if (!connecting.isDone() && pingWhileConnecting.isPresent()) {
      pingWhileConnecting.get().run();
      return;
    }
    runtime().ping();
  }

  @Override
  public HostFacts hostFacts() {
    return runtime().hostFacts();
  }

  @Override
  public dev.tugboat.runtime.EngineResources engineResources() {
    return runtime().engineResources();
  }

  @Override
  public Optional<ImageInfo> inspectImage(String image) {
    return runtime().inspectImage(image);
  }

  @Override
  public void pullImage(String image, Optional<RegistryCredentials> credentials) {
    runtime().pullImage(image, credentials);
  }

  @Override
  public dev.tugboat.runtime.ImageRemoval removeUnusedImage(String image) {
    return runtime().removeUnusedImage(image);
  }

  @Override
  public ContainerId create(ContainerConfig config) {
    return runtime().create(config);
  }

  @Override
  public void copyFiles(ContainerId id, List<FileToCopy> files) {
    runtime().copyFiles(id, files);
  }

  @Override
  public void start(ContainerId id) {
    runtime().start(id);
  }

  @Override
  public void stop(ContainerId id, Duration timeout) {
    runtime().stop(id, timeout);
  }

  @Override
  public void signalStop(ContainerId id) {
    runtime().signalStop(id);
  }

  @Override
  public void pause(ContainerId id) {
    runtime().pause(id);
  }

  @Override
  public void unpause(ContainerId id) {
    runtime().unpause(id);
  }

  @Override
  public void remove(ContainerId id) {
    runtime().remove(id);
  }

  @Override
  public Optional<ContainerInfo> inspect(ContainerId id) {
    return runtime().inspect(id);
  }

  @Override
  public List<ContainerSummary> listByLabels(Map<String, String> labels) {
    return runtime().listByLabels(labels);
  }

  @Override
  public ExecResult exec(ContainerId id, ExecRequest request) {
    return runtime().exec(id, request);
  }

  @Override
  public List<LogLine> logs(ContainerId id, int tailLines) {
    return runtime().logs(id, tailLines);
  }

  @Override
  public Subscription followLogs(ContainerId id, LogListener listener) {
    return runtime().followLogs(id, listener);
  }

  @Override
  public Subscription subscribe(EventFilter filter, RuntimeEventListener listener) {
    return runtime().subscribe(filter, listener);
  }

  @Override
  public void close() {
    connecting.thenAccept(ContainerRuntime::close);
  }
}
