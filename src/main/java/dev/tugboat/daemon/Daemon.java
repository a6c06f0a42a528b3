package dev.tugboat.daemon;

import dev.tugboat.api.ApiLimits;
import dev.tugboat.api.ApiServer;
import dev.tugboat.config.HostAddressDetector;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.runtime.docker.DockerRuntime;
import dev.tugboat.runtime.docker.SocketPing;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code tugboat serve}: reads the daemon config, makes the token, serves the API, brings the app
 * up, and runs until SIGTERM. SIGTERM ends the daemon only: the app's containers keep running and
 * the next start finds them; {@code tugboat stop} is how the app stops.
 */
public final class Daemon {

  // One event loop: a poll costs microseconds (the status body is serialized once per snapshot),
  // and on a small host a second loop only competes for the cores with the pollers and Docker.
  private static final int API_THREADS = 1;

  private final DaemonConfig config;
  private final DaemonLog log;

  public Daemon(DaemonConfig config, PrintStream out) {
    this.config = config;
    this.log = new DaemonLog(out, config.logFormat(), Clock.systemUTC());
  }

  /**
   * Serves until the process is told to end; returns an exit code when it cannot start: 2 when
   * the operator must change something first (systemd does not restart it then), else 1.
   */
  public int serve(boolean startApp) throws InterruptedException {
    // Logging must be set up before two threads log at once (the Docker client loading beside the
    // API), or SLF4J queues their first lines and prints a warning about replaying them.
    org.slf4j.LoggerFactory.getILoggerFactory();
    Thread.setDefaultUncaughtExceptionHandler(new DeadThreadLog(log));
    Optional<String> unsafeStateDir;
    try {
      unsafeStateDir = StateDirCheck.refusal(config.stateDir(), StateDirCheck.processUid());
    } catch (IOException e) {
      unsafeStateDir = Optional.of("cannot tell which user the daemon runs as: " + e);
    }
    if (unsafeStateDir.isPresent()) {
      log.error(unsafeStateDir.get());
      return 2;
    }
    CompletableFuture<DockerRuntime> docker = CompletableFuture.supplyAsync(
        () -> DockerRuntime.connect(config.dockerHost()));
    // The engine answers /healthz before its client is made: a ping needs no client.
    ConnectingRuntime runtime = new ConnectingRuntime(docker,
        SocketPing.of(config.dockerHost(), EngineHealth.SLOW).map(ping -> ping::ping));
    String token;
    try {
      token = ApiToken.loadOrCreate(config.stateDir(), SecureRandom::new, Clock.systemUTC(),
          log::warn);
    } catch (IOException e) {
      log.error("cannot create the API token in state_dir " + config.stateDir() + ": " + e
          + "; the daemon must be able to write there (run as root, or set state_dir)");
      runtime.close();
      return 1;
    }
    Clock clock = Clock.systemUTC();
    HostAddresses host = hostAddresses();
    DaemonSetup setup = new DaemonSetup(config, host, log, clock,
        new AppConfig(config.settingsFile(), host, clock, log::warn),
        dev.tugboat.app.SwarmSource.of(() -> docker.join().clusterNodes()));
    java.util.Set<String> hostnames = consoleHostnames();
    Optional<dev.tugboat.api.ApiTls> tls;
    try {
      tls = ConsoleTls.start(config, hostnames, host, log, clock, DaemonThreads.timer(
          "tugboat-tls-renewal"));
    } catch (IOException | RuntimeException e) {
      log.error("cannot set up TLS for the console: " + e.getMessage() + "; fix 'tls' in the"
          + " daemon config (tls: off serves plain HTTP)");
      runtime.close();
      return 2;
    }
    AppSupervisor app = new AppSupervisor(setup, runtime,
        new ConnectingArchive(docker.thenApply(DockerRuntime::imageArchive)),
        new ConnectingVolumes(() -> ((DockerRuntime) runtime.runtime()).volumeArchive(log::warn)));
    ApiServer server;
    try {
      NodesDesk nodes = new NodesDesk(() -> docker.join().clusterNodes(),
          () -> new LocalNode(ownHostname(), host.privateAddress(),
              NodeViews.containersOf(app.snapshot())),
          log, DaemonThreads.single("tugboat-nodes"));
      server = ApiServer.start(config.listen(), app, app.licenses(), nodes, token, hostnames,
          tls, ApiLimits.defaults().withMaxBundleBytes(config.bundleMaxBytes()), API_THREADS);
    } catch (Exception e) {
      app.close();
      runtime.close();
      String why = e instanceof BindException ? "the address is in use or not on this host" : e.toString();
      log.error("cannot listen on " + config.listen().getHostString() + ":"
          + config.listen().getPort() + ": " + why + "; change 'listen' in the daemon config");
      return 1;
    }
    SystemdService systemd = SystemdService.of(System.getenv(), ProcessHandle.current().pid(), log);
    systemd.watch(app::heartbeat, server::heartbeat);
    CountDownLatch ended = new CountDownLatch(1);
    AtomicReference<ApiServer> integration = new AtomicReference<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping the daemon; the app's containers keep running");
      systemd.stopping("stopping the daemon; the app's containers keep running");
      server.close();
      Optional.ofNullable(integration.get()).ifPresent(ApiServer::close);
      app.close();
      runtime.close();
      ended.countDown();
      // A stop asked for by the operator (systemctl stop) is a success, not the JVM's 143.
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }, "tugboat-shutdown"));
    log.info("API listening on " + config.baseUrl() + " (dashboard: " + config.baseUrl()
        + "/, token in " + config.tokenFile() + ")");
    // Docker answers the bridge's address only once its client is up: serve /healthz first.
    CompletableFuture<Void> integrationBound = CompletableFuture.runAsync(
        () -> new IntegrationListener(config, log).bind(runtime, app).ifPresent(integration::set));
    ArchiveTraining.ifAskedAfter(integrationBound, log);
    if (startApp && config.app().isPresent()) {
      // Ready once the start is handed over, not once the app has started: that can take minutes.
      integrationBound.thenCompose(bound -> {
        var handedOver = app.resumeOrStart();
        systemd.ready("API on " + config.baseUrl() + "; bringing the app up");
        return handedOver;
      }).whenComplete((result, failure) -> {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException
            && failure.getCause() != null ? failure.getCause() : failure;
        if (cause == null) {
          log.info(result.message());
          systemd.status("API on " + config.baseUrl() + "; " + result.message());
        } else {
          if (!(cause instanceof dev.tugboat.api.AppRefusal)) {
            // refusals were logged where they were decided; anything else is a fault to see
            log.error("the app could not start: " + cause);
          }
          systemd.status("API on " + config.baseUrl() + "; the app did not start (see the log)");
        }
      });
    } else if (config.app().isPresent()) {
      systemd.ready("API on " + config.baseUrl() + "; the app is not started by the daemon");
      app.readEventsBack().exceptionally(failure -> {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        log.warn("the runs' events are listed once the app starts: " + cause.getMessage());
        return null;
      });
    } else {
      log.warn("no app is configured ('app' in the daemon config): serving without one");
      systemd.ready("API on " + config.baseUrl() + "; no app is configured");
    }
    ended.await();
    return 0;
  }

  /** The configured names, and the host's own name: operators type it into the address bar. */
  private java.util.Set<String> consoleHostnames() {
    java.util.Set<String> names = new java.util.HashSet<>(config.apiHostnames());
    String own = ownHostname();
    if (!own.isEmpty()) {
      names.add(own);
    }
    return names;
  }

  /** The host's name; empty where it cannot be read (not Linux). */
  private static String ownHostname() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname"))
          .strip();
    } catch (IOException | RuntimeException notLinux) {
      return "";
    }
  }

  private HostAddresses hostAddresses() {
    return HostAddressDetector.detect()
        .overriddenBy(config.privateAddress(), config.publicAddress());
  }
}
