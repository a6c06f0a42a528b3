package dev.tugboat.daemon;

import dev.tugboat.app.AppPreparer;
import dev.tugboat.events.AppPhase;
import dev.tugboat.orchestrator.ImageReference;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ContainerSpec;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * When a run has started, has {@link AppImages} record its images and remove the app's images
 * that neither its spec nor the spec before it names, on a worker: removing an image is the
 * engine's slow work and never holds up the supervisor. Once per run; a run that never starts
 * removes nothing, so a failed upgrade keeps what a rollback needs.
 */
final class ImageUpkeep {

  private final AppImages images;
  private final Supplier<Optional<Path>> previousSpec;
  private final Map<String, String> registries;
  private final DaemonLog log;
  private final Executor workers;
  // The supervisor's alone.
  private String lastRun = "";

  ImageUpkeep(AppImages images, Supplier<Optional<Path>> previousSpec,
      Map<String, String> registries, DaemonLog log, Executor workers) {
    this.images = images;
    this.previousSpec = previousSpec;
    this.registries = Map.copyOf(registries);
    this.log = log;
    this.workers = workers;
  }

  /** A status of the live run of {@code spec}. */
  void observe(AppSpec spec, RunStatus status) {
    if (status.state() != AppPhase.STARTED || status.runId().equals(lastRun)) {
      return;
    }
    lastRun = status.runId();
    Optional<Path> previous = previousSpec.get();
    try {
      workers.execute(() -> upkeep(spec, previous));
    } catch (RejectedExecutionException closing) {
      // the daemon is closing: the next start removes them
    }
  }

  private void upkeep(AppSpec spec, Optional<Path> previousFile) {
    Set<String> used = imagesOf(spec);
    Set<String> kept = new LinkedHashSet<>(used);
    if (previousFile.isPresent()) {
      try {
        kept.addAll(imagesOf(AppPreparer.loadSpec(previousFile.get(), problem -> { })));
      } catch (AppPreparer.PrepareException | RuntimeException e) {
        // Without the images a rollback needs, removing any could strand it.
        log.warn("old images are kept: the spec before this one (" + previousFile.get()
            + ") does not load: " + e.getMessage());
        return;
      }
    }
    images.started(used, kept);
  }

  private Set<String> imagesOf(AppSpec spec) {
    Set<String> refs = new LinkedHashSet<>();
    spec.containers().forEach((ContainerSpec container) ->
        refs.add(ImageReference.of(container, registries)));
    return refs;
  }
}
