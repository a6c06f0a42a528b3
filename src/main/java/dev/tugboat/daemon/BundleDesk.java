package dev.tugboat.daemon;

import dev.tugboat.api.BundleResult;
import dev.tugboat.api.BundleUploads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Where uploaded bundles are kept while they are verified and loaded: {@code bundle-uploads} in
 * the state directory (on its disk, whose room the API checks). An upload is removed once handled;
 * one a crash left behind is removed when the daemon starts. One upload at a time.
 */
final class BundleDesk implements BundleUploads {

  /** How the supervisor takes an upload: as one of its upgrades (see {@link BundleInstall}). */
  interface Installer {
    CompletableFuture<BundleResult> install(Path file, String name, boolean dryRun,
        boolean loadOnly);
  }

  private final Path directory;
  private final Installer installer;
  private final AtomicBoolean claimed = new AtomicBoolean();

  BundleDesk(Path stateDir, DaemonLog log, Installer installer) {
    this.directory = stateDir.resolve("bundle-uploads");
    this.installer = installer;
    removeLeftovers(log);
  }

  @Override
  public boolean claim() {
    return claimed.compareAndSet(false, true);
  }

  @Override
  public void release() {
    claimed.set(false);
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public CompletableFuture<BundleResult> install(Path file, String name, boolean dryRun,
      boolean loadOnly) {
    return installer.install(file, name, dryRun, loadOnly);
  }

  private void removeLeftovers(DaemonLog log) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
        log.info("removed " + file + ", an upload a stopped daemon left unfinished");
      }
    } catch (IOException e) {
      log.warn("cannot remove the unfinished uploads in " + directory + ": " + e.getMessage());
    }
  }
}
