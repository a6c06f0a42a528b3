package dev.tugboat.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container engine, as the orchestrator uses it. Every method blocks until the engine answered,
 * so call them from a worker thread, not the event loop. Every method may throw {@link
 * RuntimeFailure}; {@link RuntimeFailure.Kind#ENGINE_UNREACHABLE} means nothing is known about any
 * container. Implementations are safe for concurrent use.
 */
public interface ContainerRuntime extends AutoCloseable {

  /** Checks the engine answers; throws {@code ENGINE_UNREACHABLE} otherwise. */
  void ping();

  /** The engine's version and the host addresses containers see. */
  HostFacts hostFacts();

  /** The engine's CPUs, memory, version and data directory, as host requirements measure them. */
  EngineResources engineResources();

  /** The image's declarations, or empty if the image is not on this host. */
  Optional<ImageInfo> inspectImage(String image);

  default boolean imagePresent(String image) {
    return inspectImage(image).isPresent();
  }

  /**
   * Pulls the image, with {@code credentials} when given; {@code REGISTRY_DENIED} when the
   * registry refuses the login, {@code IMAGE_NOT_FOUND} when no registry has it or none is reachable.
   */
  void pullImage(String image, Optional<RegistryCredentials> credentials);

  /**
   * Removes the image by this reference unless a container, running or stopped, uses it: never
   * forced. Where other references (tags) name the same image, only this one goes, used or not:
   * a container names its image by id.
   */
  ImageRemoval removeUnusedImage(String image);

  /**
   * Creates a container (not started); {@code IMAGE_NOT_FOUND} when the image is not on this host
   * (create never pulls), {@code NAME_CONFLICT} when the name is taken.
   */
  ContainerId create(ContainerConfig config);

  /** Writes files into a created (or running) container, creating parent directories. */
  void copyFiles(ContainerId id, List<FileToCopy> files);

  /** Starts it; {@code PORT_ALREADY_ALLOCATED} when a host port is taken. Starting a running one is harmless. */
  void start(ContainerId id);

  /**
   * Sends SIGTERM (or the image's stop signal), then SIGKILL after {@code timeout}; returns once it
   * exited. With a zero timeout a container gets SIGKILL alone (a signal followed at once by
   * SIGKILL cannot be acted on); a swarm task is stopped by its swarm, after its service's own
   * grace period. Stopping a stopped container is harmless.
   */
  void stop(ContainerId id, Duration timeout);

  /**
   * Sends the container's stop signal (the image's {@code STOPSIGNAL}, else SIGTERM) and returns
   * without waiting for the exit, so a caller that stops many containers holds no thread per
   * container for their timeouts: the exit shows as a die event, and the caller decides when to
   * kill ({@code stop} with a zero timeout). Signalling a container that does not run is harmless.
   */
  void signalStop(ContainerId id);

  /**
   * Freezes every process of the container (the engine's freezer): it stays alive, holds its
   * memory and connections, and runs nothing until {@link #unpause}. A container that is paused
   * already or does not run is left as it is.
   */
  void pause(ContainerId id);

  /** Lets a paused container run on; one that is not paused is left as it is. */
  void unpause(ContainerId id);

  /**
   * Removes it, killing it if it runs, with the anonymous volumes its image's {@code VOLUME}s gave
   * it (no other container reaches them). Named volumes and host paths stay. Removing a removed
   * one is harmless.
   */
  void remove(ContainerId id);

  /** Its current state, or empty if there is no such container. */
  Optional<ContainerInfo> inspect(ContainerId id);

  /** Containers (running or not) carrying all these labels. */
  List<ContainerSummary> listByLabels(Map<String, String> labels);

  /** Runs a command in a running container and waits for it; {@code TIMED_OUT} after the request's timeout. */
  ExecResult exec(ContainerId id, ExecRequest request);

  /** The last {@code tailLines} lines it wrote (stdout and stderr). */
  List<LogLine> logs(ContainerId id, int tailLines);

  /**
   * Delivers everything the container wrote so far and then each new line, until it exits (then
   * {@link StreamEnd.EndedByEngine}) or the subscription is closed.
   */
  Subscription followLogs(ContainerId id, LogListener listener);

  /**
   * Delivers container events matching the filter until closed or broken; see the listener. The
   * stream opens in the background: an engine that cannot be reached shows as {@link
   * StreamEnd.Failed} with {@code ENGINE_UNREACHABLE}, not as an exception here.
   */
  Subscription subscribe(EventFilter filter, RuntimeEventListener listener);

  /** Releases connections; open subscriptions end. */
  @Override
  void close();
}
