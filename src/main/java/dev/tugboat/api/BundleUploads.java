package dev.tugboat.api;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Where an uploaded bundle goes: the API streams the body into a new file of {@link #directory()}
 * (never holding it in memory), then hands the file over; the API removes the file once the
 * returned future completes, whatever its outcome.
 */
public interface BundleUploads {

  /**
   * Takes the daemon's one bundle upload (from the request's head until its answer): false when
   * another upload holds it. Two at once would each find the disk room the other is about to
   * fill. Thread-safe.
   */
  boolean claim();

  /** Frees what {@link #claim} took. */
  void release();

  /** A directory on the state directory's disk; created when missing. */
  Path directory();

  /**
   * Verifies the bundle in {@code file}, known to the operator as {@code name} (every part
   * against its manifest, and that it carries the daemon's app), then, unless {@code dryRun},
   * loads its images; unless {@code loadOnly}, applies its spec as {@link AppService#apply} does
   * (a dry run shows the diff). Completes failed with an {@link AppRefusal} naming the part when
   * refused: nothing was loaded then.
   */
  CompletableFuture<BundleResult> install(Path file, String name, boolean dryRun,
      boolean loadOnly);
}
