package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppService;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.api.SupportBundle;
import dev.tugboat.app.AppPreparer;
import dev.tugboat.app.TugboatVersion;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.runtime.EngineDiagnostics;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.EnvVarSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Support bundles of the daemon's app, one at a time, each made on a worker (never on the app
 * supervisor's thread: the status keeps answering, and a bundle is made even while the supervisor
 * or the engine is stuck, which is when one is needed). Written to {@code <state_dir>/support/},
 * which only the daemon's user can read; the API deletes each once sent, the daemon's start
 * removes what a stopped daemon left there, and a new bundle what is over an hour old.
 */
final class SupportBundles {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final AppService app;
  private final DaemonSetup setup;
  private final Supplier<Optional<Path>> specFile;
  private final EngineDiagnostics engine;
  private final Executor workers;
  private final SupportLimits limits;
  private final UnaryOperator<String> integrationSecretOfRun;
  private final AtomicBoolean busy = new AtomicBoolean();

  /** {@code integrationSecretOfRun}: the Integration API secret a run's containers are given. */
  SupportBundles(AppService app, DaemonSetup setup, Supplier<Optional<Path>> specFile,
      EngineDiagnostics engine, Executor workers, SupportLimits limits,
      UnaryOperator<String> integrationSecretOfRun) {
    this.app = app;
    this.setup = setup;
    this.specFile = specFile;
    this.engine = engine;
    this.workers = workers;
    this.limits = limits;
    this.integrationSecretOfRun = integrationSecretOfRun;
    removeWhatAStoppedDaemonLeft(setup.daemon().stateDir().resolve("support"), setup.log());
  }

  /** Makes one; refused (409) while another is being made. */
  CompletableFuture<SupportBundle> make() {
    if (!busy.compareAndSet(false, true)) {
      return CompletableFuture.failedFuture(new AppRefusal(AppRefusal.Reason.CONFLICT,
          "a support bundle is being made; ask again once it is done"));
    }
    try {
      return CompletableFuture.supplyAsync(this::makeNow, workers)
          .whenComplete((bundle, failure) -> busy.set(false));
    } catch (RuntimeException e) {
      busy.set(false);
      throw e;
    }
  }

  private SupportBundle makeNow() {
    Instant made = setup.clock().instant();
    Path dir = setup.daemon().stateDir().resolve("support");
    try {
      if (!Files.isDirectory(dir)) {
        dev.tugboat.files.AtomicFiles.createPrivateDirectory(dir);
      }
      removeLeftovers(dir);
      Optional<Path> spec = specFile.get();
      Optional<AppSpec> loaded = spec.flatMap(SupportBundles::load);
      AppSnapshot snapshot = app.snapshot();
      String name = !snapshot.specName().isEmpty() ? snapshot.specName()
          : loaded.map(AppSpec::name).orElse("app");
      // the name offered for download; the file's own is unique, since the one made a moment
      // ago (in the same second) may still be on its way to the client
      String top = "tugboat-support-" + name.replaceAll("[^A-Za-z0-9._-]+", "_") + "-"
          + STAMP.format(made);
      SupportStateParts state = new SupportStateParts(setup.daemon(), limits);
      SecretMasker masker = app.masker().with(SupportStateSecrets.of(setup.daemon()))
          .with(integrationSecrets(snapshot, state.journaledRuns()));
      List<SupportPart> parts = new ArrayList<>();
      parts.addAll(new SupportAppParts(app, setup.log()::recent, limits, dir).parts());
      parts.add(new SupportPart("host.txt", "the host: OS release, kernel, CPUs, memory,"
          + " uptime, free space of the state directory and of Docker's data", this::host));
      parts.addAll(state.parts(spec, loaded));
      parts.addAll(new SupportEngineParts(engine, limits)
          .parts(snapshot.run(), loaded.map(SupportBundles::excludedEnv)));
      loaded.ifPresent(appSpec -> parts.addAll(
          new SupportSpecParts(engine, limits).parts(snapshot.run(), appSpec)));
      List<String> header = List.of("Tugboat support bundle",
          "",
          "app: " + name + (snapshot.specVersion().isEmpty() ? "" : " " + snapshot.specVersion())
              + " (" + snapshot.state().label() + ")",
          "made: " + made + " by tugboat " + TugboatVersion.current(),
          "secrets: every file went through the daemon's masker (" + masker.size()
              + " secret values, each shown as " + SecretMasker.MASK + ", in their escaped"
              + " forms too; the Integration API secrets of the runs shown among them); env"
              + " vars the spec marks is_excluded_from_support are left out of the inspect"
              + " files; the API token, the Integration API key and the TLS key are not included.");
      SupportBundle bundle = new SupportBundleMaker(limits).make(parts, masker, header, made,
          dir.resolve(top + "-" + java.util.UUID.randomUUID() + ".tar.gz"), top);
      setup.log().info("support bundle " + bundle.fileName() + " made (" + bundle.size()
          + " bytes)");
      return bundle;
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot write the support bundle in " + dir
          + ": " + e.getMessage());
    }
  }

  private SupportContent host() {
    Map<String, Path> disks = new LinkedHashMap<>();
    disks.put("the state directory", setup.daemon().stateDir().toAbsolutePath());
    disks.put("Docker's data", dockerRoot());
    return new SupportContent.Text(HostReport.text(disks));
  }

  private Path dockerRoot() {
    try {
      String root = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(engine.infoJson()).path("DockerRootDir").asText("");
      return Path.of(root.isEmpty() ? "/var/lib/docker" : root);
    } catch (IOException | RuntimeException e) {
      return Path.of("/var/lib/docker");
    }
  }

  /**
   * The Integration API secrets of the current run and of the runs whose journals are included:
   * every container's env holds its run's ({@code REPLICATED_INTEGRATIONAPI}), and with it any
   * container on the Docker bridge could call the API as the app.
   */
  private List<String> integrationSecrets(AppSnapshot snapshot, List<String> journaled) {
    Set<String> runs = new java.util.LinkedHashSet<>(journaled);
    if (snapshot.run() != null && snapshot.run().runId() != null) {
      runs.add(snapshot.run().runId());
    }
    return runs.stream().map(integrationSecretOfRun).toList();
  }

  private static Optional<AppSpec> load(Path file) {
    try {
      return Optional.of(AppPreparer.loadSpec(file, problem -> { }));
    } catch (AppPreparer.PrepareException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Set<String> excludedEnv(AppSpec spec) {
    return spec.components().stream().flatMap(component -> component.containers().stream())
        .flatMap(container -> container.envVars().stream())
        .filter(EnvVarSpec::isExcludedFromSupport).map(EnvVarSpec::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * At start, every file there is a leftover: a bundle a stopped daemon was making or sending, a
   * journalctl scratch file. Each may hold what the containers wrote; none is waited for.
   */
  private static void removeWhatAStoppedDaemonLeft(Path dir, DaemonLog log) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
        log.info("removed " + file + ", a support bundle a stopped daemon left");
      }
    } catch (IOException | UncheckedIOException e) {
      log.warn("cannot remove the support bundles left in " + dir + ": " + e.getMessage());
    }
  }

  /** Bundles older than an hour: one being sent now is younger (and open, so still sent). */
  private void removeLeftovers(Path dir) throws IOException {
    Instant before = setup.clock().instant().minus(java.time.Duration.ofHours(1));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
