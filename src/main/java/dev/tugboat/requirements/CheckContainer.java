package dev.tugboat.requirements;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.RuntimeFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a check's container to its end, as Replicated's {@code scheduler} command did: its output
 * (stdout and stderr) is the result, its exit code the status code; past the timeout it is
 * killed (status 62). The container is removed afterwards, whatever happened. An image that is
 * not on this host is an error (1): a check never pulls.
 */
final class CheckContainer {
  /** How often the container's state is read while waiting; checks take seconds, not millis. */
  private static final Duration POLL = Duration.ofMillis(100);
  static final String LABEL = "dev.tugboat.preflight";

  private final ContainerRuntime runtime;
  private final Clock clock;
  private final String app;

  CheckContainer(ContainerRuntime runtime, Clock clock, String app) {
    this.runtime = runtime;
    this.clock = clock;
    this.app = app;
  }

  CommandOutcome run(String image, List<String> cmd, List<String> entrypoint,
      List<FileToCopy> files, Optional<Duration> timeout) {
    if (!runtime.imagePresent(image)) {
      return CommandOutcome.failed(1, "image " + image + " is not on this host; load it with"
          + " `docker load -i FILE`");
    }
    ContainerConfig config = ContainerConfig.builder(image).cmd(cmd).entrypoint(entrypoint)
        .label(LABEL, app).build();
    ContainerId id = runtime.create(config);
    try {
      if (!files.isEmpty()) {
        runtime.copyFiles(id, files);
      }
      runtime.start(id);
      Instant deadline = timeout.map(t -> clock.instant().plus(t)).orElse(Instant.MAX);
      Optional<ContainerInfo> info = runtime.inspect(id);
      while (info.isPresent() && info.get().state().isAlive()) {
        if (!clock.instant().isBefore(deadline)) {
          return CommandOutcome.failed(62, "timed out after " + timeout.get().toSeconds() + " s");
        }
        Thread.sleep(POLL.toMillis());
        info = runtime.inspect(id);
      }
      int code = info.flatMap(i -> i.exitCode().isPresent()
          ? Optional.of(i.exitCode().getAsInt()) : Optional.empty()).orElse(1);
      String output = runtime.logs(id, 1000).stream().map(LogLine::text)
          .collect(Collectors.joining("\n"));
      return CommandOutcome.of(code, output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandOutcome.failed(1, "interrupted");
    } catch (RuntimeFailure e) {
      if (e.kind() == RuntimeFailure.Kind.ENGINE_UNREACHABLE) {
        throw e;
      }
      return CommandOutcome.failed(1, e.getMessage());
    } finally {
      removeQuietly(id);
    }
  }

  private void removeQuietly(ContainerId id) {
    try {
      runtime.remove(id);
    } catch (RuntimeFailure e) {
      // The run's preflight removes leftovers with the app's label; this one has its own label,
      // and a failed remove leaves an exited container that `docker ps -a` shows with it.
    }
  }
}
