package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The app's data around an upgrade ({@link SnapshotDesk}); each future completes on the
 * supervisor, and one that fails stops the upgrade where it is.
 */
interface UpgradeData {
  UpgradeData NONE = new UpgradeData() {
    @Override
    public CompletableFuture<String> beforeUpgrade(String to) {
      return CompletableFuture.completedFuture("");
    }

    @Override
    public SnapshotManifest forRollback(Path spec, Optional<Path> settings) {
      throw new AppRefusal(AppRefusal.Reason.NOT_FOUND, "this daemon keeps no snapshots");
    }

    @Override
    public CompletableFuture<String> verifyForRollback(SnapshotManifest snapshot) {
      return CompletableFuture.completedFuture("");
    }

    @Override
    public CompletableFuture<String> restoreForRollback(SnapshotManifest snapshot) {
      return CompletableFuture.completedFuture("");
    }
  };

  /** After the app stopped, before the new spec is installed: a line for the answer. */
  CompletableFuture<String> beforeUpgrade(String to);

  /** The snapshot a rollback with data restores, checked before anything stops. */
  SnapshotManifest forRollback(Path spec, Optional<Path> settings);

  /** Checks its archives and images, beside the supervisor, before anything stops. */
  CompletableFuture<String> verifyForRollback(SnapshotManifest snapshot);

  /** After the app stopped, before the spec and settings are swapped back. */
  CompletableFuture<String> restoreForRollback(SnapshotManifest snapshot);

  /** Refuses an upgrade while a restore left the data half restored. */
  default void requireRestoresFinished() {}

  /**
   * Refuses an upgrade whose snapshot could not be taken for a reason known before anything
   * stops (data that may never be emptied, a switch that cannot be decided); the same is checked
   * again once the app stopped.
   */
  default void requireSnapshotPossible(String to) {}

  /** After the spec and settings were swapped back to those of the restored snapshot. */
  default void rolledBack(SnapshotManifest restored) {}
}
