package dev.tugboat.api;

import dev.tugboat.config.SecretMasker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the HTTP API asks of the app it serves. {@link #snapshot()} and {@link #events()} are read
 * on Netty's threads and must not block; every other call returns at once with a future that the
 * daemon completes from its own threads, failed with an {@link AppRefusal} when refused.
 */
public interface AppService {

  /** The current status: immutable, replaced (never changed) as the run moves. */
  AppSnapshot snapshot();

  /** The events of the daemon's runs, in order. */
  EventLog events();

  /** How long events took to fire, by trigger kind. */
  LatencyHistogram triggerLatency();

  /**
   * Starts the app. Completes once the spec was checked (refused: failed with the problems) and
   * the start was accepted ({@code underWay}: its preparation goes on, the status shows how it
   * ends), or at once when the app already runs.
   */
  CompletableFuture<ControlResult> start();

  /**
   * Stops the app in reverse order; completes once the stop was asked of the run ({@code
   * underWay}), not once the containers stopped.
   */
  CompletableFuture<ControlResult> stop();

  /**
   * Checks the spec, then stops the app and starts a new run with the spec and config values on
   * disk; completes once the stop was asked ({@code underWay}), or with the new run when none ran.
   */
  CompletableFuture<ControlResult> restart();

  /** The config items with their values by group, secrets masked. */
  CompletableFuture<ConfigView> config();

  /** Checks and stores values (item name to value), as {@code tugboat config set} does. */
  CompletableFuture<ConfigView> setConfig(Map<String, String> values);

  /**
   * Forgets the stored values of {@code names}, as {@code tugboat config unset} does: each falls
   * back to its {@code value} or default; a {@code value_cmd} item gets a newly generated value.
   */
  CompletableFuture<ConfigView> unsetConfig(List<String> names);

  /**
   * Runs config item {@code item}'s test procedure ({@code test_proc}) with the stored values,
   * {@code values} (item name to value, not stored) in their place: a value typed but not saved.
   */
  CompletableFuture<ConfigTestResult> testConfig(String item, Map<String, String> values);

  /** The last {@code tail} lines a container of the current run wrote, secrets masked. */
  CompletableFuture<List<String>> logs(String component, String container, int tail);

  /** Runs an {@code admin_commands} entry with extra arguments. */
  CompletableFuture<AdminResult> admin(String alias, List<String> args);

  /**
   * Checks {@code spec} as {@code tugboat validate} does (problems named under {@code name}) and
   * shows what changes; unless {@code dryRun}, stops the app, makes it the spec in use (the old
   * one and the settings are kept for a rollback) and starts a run of it.
   */
  CompletableFuture<ApplyResult> apply(String name, byte[] spec, boolean dryRun);

  /**
   * Where an uploaded bundle (images and spec, for hosts without a registry) goes; empty when
   * bundles are not served here.
   */
  default java.util.Optional<BundleUploads> bundles() {
    return java.util.Optional.empty();
  }

  /** Swaps back the spec and settings in use before the last apply, and starts a run of them. */
  CompletableFuture<ApplyResult> rollback();

  /** The daemon's past runs, newest first. */
  CompletableFuture<List<RunRecord>> history();

  /** The snapshots of the app's data, newest first. */
  default CompletableFuture<List<SnapshotInfo>> snapshots() {
    return CompletableFuture.failedFuture(noSnapshots());
  }

  /**
   * Takes a snapshot of the app's data; a running app is refused unless {@code stopFirst}, which
   * stops it, takes the snapshot and starts it again.
   */
  default CompletableFuture<SnapshotResult> createSnapshot(boolean stopFirst) {
    return CompletableFuture.failedFuture(noSnapshots());
  }

  /** Stops the app, puts snapshot {@code id}'s data back, starts it with its spec and settings. */
  default CompletableFuture<SnapshotResult> restoreSnapshot(String id) {
    return CompletableFuture.failedFuture(noSnapshots());
  }

  /** {@link #rollback()}, and with {@code withData} the data as the last apply's snapshot kept it. */
  default CompletableFuture<ApplyResult> rollback(boolean withData) {
    return withData ? CompletableFuture.failedFuture(noSnapshots()) : rollback();
  }

  private static AppRefusal noSnapshots() {
    return new AppRefusal(AppRefusal.Reason.NOT_FOUND, "this service keeps no snapshots");
  }

  /**
   * Checks the host and custom requirements of the spec in use on this host now, as a start
   * does (a check's container is removed after it); completes with the report.
   */
  default CompletableFuture<Map<String, Object>> preflight() {
    return CompletableFuture.failedFuture(
        new AppRefusal(AppRefusal.Reason.NOT_FOUND, "preflight checks are not served here"));
  }

  /**
   * The last preflight's report (of a start or of {@link #preflight()}) as plain maps and lists,
   * the same object until a newer report replaces it; null before any.
   */
  default Object lastPreflight() {
    return null;
  }

  /** Whether the Docker Engine answers. */
  CompletableFuture<Boolean> dockerReachable();

  /**
   * Whether the Docker Engine answered the daemon's last periodic ping: a cached value, read on
   * Netty's threads, never blocking.
   */
  default EngineStatus engineStatus() {
    return EngineStatus.ANSWERING;
  }

  /**
   * Sets the startup message that containers report through the Integration API; {@code error}
   * fails the run with it.
   */
  void startupMessage(String message, boolean error);

  /**
   * Why an Integration API call carrying {@code secret} (the first segment of its path: the
   * address the app's containers were given ends in it) from {@code from} is refused, or empty
   * when it comes from the current run's containers. Called on Netty's threads: must not block.
   */
  default java.util.Optional<String> integrationRefusal(String secret, java.net.InetAddress from) {
    return java.util.Optional.of("this daemon serves no app to its Integration API");
  }

  /**
   * Makes a support bundle (a {@code .tar.gz} of what an engineer needs to see why the app
   * fails, secrets masked) off the app's own thread; completes with the file once it is written.
   */
  default CompletableFuture<SupportBundle> supportBundle() {
    return CompletableFuture.failedFuture(
        new AppRefusal(AppRefusal.Reason.NOT_FOUND, "support bundles are not made here"));
  }

  /**
   * How secret values are hidden in a text the API sends: every text of the status passes
   * through it when serialized, so no field, however new, shows a secret.
   */
  default SecretMasker masker() {
    return SecretMasker.none();
  }

  /**
   * The answer to a start, stop or restart: the app's state afterwards and what happened. {@code
   * underWay}: the command was accepted and goes on after the answer (a stop waits for no
   * container); the status shows how it ends.
   */
  record ControlResult(String state, String message, boolean underWay) {
    public ControlResult(String state, String message) {
      this(state, message, false);
    }
  }

  /** An admin command's exit code and output (secrets masked). */
  record AdminResult(int exitCode, String output) {}
}
