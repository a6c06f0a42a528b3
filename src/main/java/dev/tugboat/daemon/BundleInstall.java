package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.ApplyResult;
import dev.tugboat.api.BundleResult;
import dev.tugboat.app.TugboatVersion;
import dev.tugboat.bundle.BundleException;
import dev.tugboat.bundle.BundleLoader;
import dev.tugboat.bundle.BundlePart;
import dev.tugboat.bundle.BundleVerifier;
import dev.tugboat.bundle.ThrottledProgress;
import dev.tugboat.bundle.TransferListener;
import dev.tugboat.bundle.VerifiedBundle;
import dev.tugboat.requirements.HostMeasurements;
import dev.tugboat.runtime.ImageArchive;
import dev.tugboat.runtime.RuntimeFailure;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An uploaded bundle: verified (every part against its manifest, and it must carry the daemon's
 * app), its spec checked as validate checks it and as an apply's dry run checks it (plan, required
 * values, license, host requirements), the room for its images checked where the engine keeps
 * them, then its images loaded and its spec applied as {@code apply} does. Everything up to the
 * load refuses without changing anything; a dry run stops after the apply's diff and loads
 * nothing.
 *
 * <p>Threading: {@link #install} runs on the app supervisor; verification and loading (the whole
 * file read, gigabytes sent to the engine) run beside it, and each step comes back to it.
 */
final class BundleInstall {

  private final DaemonSetup setup;
  private final SpecStore store;
  private final AppActions actions;
  private final SpecUpgrade upgrades;
  private final ImageArchive archive;
  private final SpecUpgrade.Control control;
  private final Supplier<HostMeasurements> engineDisk;

  /** {@code engineDisk}: where the engine keeps images and how much is free there (blocking). */
  BundleInstall(DaemonSetup setup, SpecStore store, AppActions actions, SpecUpgrade upgrades,
      ImageArchive archive, SpecUpgrade.Control control, Supplier<HostMeasurements> engineDisk) {
    this.engineDisk = engineDisk;
    this.setup = setup;
    this.store = store;
    this.actions = actions;
    this.upgrades = upgrades;
    this.archive = archive;
    this.control = control;
  }

  CompletableFuture<BundleResult> install(Path file, String name, boolean dryRun,
      boolean loadOnly) {
    if (!loadOnly && store.current().isEmpty()) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "no app is configured: set 'app' in the"
          + " daemon config to the app's first spec (tugboat bundle load FILE --spec-out SPEC"
          + " writes it); apply --bundle replaces the spec in use");
    }
    Optional<String> app = appInUse();
    // The log of a load of gigabytes is a few lines: one every 10 s per step at most.
    TransferListener progress = new ThrottledProgress(
        line -> setup.log().info("bundle: " + line), java.time.Duration.ofSeconds(10),
        System::nanoTime);
    return control.offSupervisor(() -> verify(file, name, app, progress))
        .thenCompose(bundle -> {
          String specName = name + ":spec.yml";
          UploadedSpec spec = UploadedSpec.check(specName, bundle.spec());
          if (!spec.spec().name().equals(bundle.manifest().app())) {
            throw new AppRefusal(AppRefusal.Reason.INVALID, name + ": its spec is app '"
                + spec.spec().name() + "', its manifest says '" + bundle.manifest().app()
                + "': refused, nothing was loaded; use the bundle as the vendor made it");
          }
          List<String> images = bundle.manifest().imageReferences();
          if (dryRun) {
            CompletableFuture<ApplyResult> diff = loadOnly ? CompletableFuture.completedFuture(null)
                : upgrades.apply(specName, bundle.spec(), true, new HashSet<>(images));
            return diff.thenApply(apply -> result(bundle, false, "dry run: " + name
                + " was verified; nothing was loaded or changed", apply));
          }
          // apply's checks (plan, required values, license, host requirements) before a byte
          // is loaded: a bundle the upgrade would refuse leaves the engine as it was
          CompletableFuture<ApplyResult> checked = loadOnly
              ? CompletableFuture.completedFuture(null)
              : upgrades.apply(specName, bundle.spec(), true, new HashSet<>(images));
          return checked.thenCompose(dry -> control.offSupervisor(
              () -> load(bundle, name, progress))).thenCompose(loaded -> {
            setup.log().info(name + ": loaded " + String.join(", ", loaded));
            String message = "loaded " + loaded.size() + " image" + (loaded.size() == 1 ? "" : "s")
                + " of " + bundle.label();
            if (loadOnly) {
              return CompletableFuture.completedFuture(result(bundle, true, message, null));
            }
            return upgrades.apply(specName, bundle.spec(), false)
                .thenApply(apply -> result(bundle, true, message, apply));
          });
        });
  }

  private VerifiedBundle verify(Path file, String name, Optional<String> app,
      TransferListener progress) {
    try {
      VerifiedBundle bundle = new BundleVerifier(TugboatVersion.current())
          .verify(file, app, progress);
      setup.log().info(name + ": verified " + bundle.label() + ", made by Tugboat "
          + bundle.manifest().tugboatVersion());
      return bundle;
    } catch (BundleException e) {
      setup.log().warn(name + " refused: " + e.getMessage());
      throw new AppRefusal(AppRefusal.Reason.INVALID, name + ": " + e.getMessage()
          + "; nothing was loaded or changed");
    }
  }

  private List<String> load(VerifiedBundle bundle, String name,
      TransferListener progress) {
    requireRoom(bundle, name);
    try {
      return new BundleLoader(archive).load(bundle, progress);
    } catch (BundleException e) {
      throw new AppRefusal(AppRefusal.Reason.INVALID, name + ": " + e.getMessage()
          + "; the spec in use is unchanged");
    } catch (RuntimeFailure e) {
      AppRefusal.Reason reason = e.kind() == RuntimeFailure.Kind.ENGINE_UNREACHABLE
          ? AppRefusal.Reason.UNAVAILABLE : AppRefusal.Reason.ENGINE_FAILED;
      throw new AppRefusal(reason, name + ": loading its images failed: " + e.getMessage()
          + "; the spec in use is unchanged");
    }
  }

  /**
   * The images unpack where the engine keeps its data (its DockerRootDir), often another disk
   * than the state directory's: at least their archives' size must be free there.
   */
  private void requireRoom(VerifiedBundle bundle, String name) {
    long needed = bundle.manifest().images().stream().mapToLong(BundlePart::size).sum();
    HostMeasurements host;
    try {
      host = engineDisk.get();
    } catch (RuntimeFailure e) {
      AppRefusal.Reason reason = e.kind() == RuntimeFailure.Kind.ENGINE_UNREACHABLE
          ? AppRefusal.Reason.UNAVAILABLE : AppRefusal.Reason.ENGINE_FAILED;
      throw new AppRefusal(reason, name + ": cannot ask the Docker Engine where it keeps its"
          + " images: " + e.getMessage() + "; nothing was loaded");
    }
    if (host.dataDirFreeBytes().isEmpty()) {
      setup.log().warn(name + ": the room for its images is not checked: "
          + host.whyUnmeasured("disk_space"));
      return;
    }
    long free = host.dataDirFreeBytes().getAsLong();
    if (free < needed) {
      throw new AppRefusal(AppRefusal.Reason.NO_SPACE, name + ": its images need " + needed
          + " bytes in the Docker Engine's data directory " + host.dataDir() + ", and " + free
          + " bytes are free there: refused, nothing was loaded; free some space (docker image"
          + " prune removes unused images) and install it again");
    }
  }

  private Optional<String> appInUse() {
    if (store.current().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(actions.loadSpec().name());
    } catch (AppRefusal e) {
      setup.log().warn("the spec in use cannot be loaded, so a bundle's app is not compared"
          + " with it: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static BundleResult result(VerifiedBundle bundle, boolean loaded, String message,
      ApplyResult apply) {
    return new BundleResult(bundle.manifest().app(), bundle.manifest().version(),
        bundle.manifest().tugboatVersion(), bundle.manifest().imageReferences(), loaded,
        message, apply);
  }
}
