package dev.tugboat.daemon;

import dev.tugboat.orchestrator.ImageRegistries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.ApiEvent;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.runtime.InMemoryEngineDiagnostics;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One life of the daemon's app controller on a state directory, against the in-memory engine:
 * {@link #close()} ends it as a killed daemon ends (containers keep running, journals stay), and
 * a new one on the same directory and engine is the daemon after its restart.
 */
final class ControllerUnderTest implements AutoCloseable {

  static final String SPEC = """
      replicated_api_version: 2.8.0
      name: demo
      version: "1"
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: 15
          publish_events:
          - name: db started
            trigger: container-start
            subscriptions:
            - component: app
              container: web
              action: start
      - name: app
        containers:
        - source: public
          image_name: web
          version: 1
      """;

  final AppSupervisor app;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  ControllerUnderTest(Path dir, InMemoryRuntime runtime, ManualClock clock) throws IOException {
    this(dir, runtime, clock, new InMemoryEngineDiagnostics(runtime), new UnavailableVolumes());
  }

  /** {@code volumes}: how its snapshots copy the app's data. */
  ControllerUnderTest(Path dir, InMemoryRuntime runtime, ManualClock clock,
      dev.tugboat.runtime.VolumeArchive volumes) throws IOException {
    this(dir, runtime, clock, new InMemoryEngineDiagnostics(runtime), volumes);
  }

  /** With {@code diagnostics}: what support bundles ask of the engine. */
  ControllerUnderTest(Path dir, InMemoryRuntime runtime, ManualClock clock,
      InMemoryEngineDiagnostics diagnostics) throws IOException {
    this(dir, runtime, clock, diagnostics, new UnavailableVolumes());
  }

  private ControllerUnderTest(Path dir, InMemoryRuntime runtime, ManualClock clock,
      InMemoryEngineDiagnostics diagnostics, dev.tugboat.runtime.VolumeArchive volumes)
      throws IOException {
    Path spec = dir.resolve("app.yml");
    if (!Files.exists(spec)) {
      Files.writeString(spec, SPEC);
    }
    Path state = Files.createDirectories(dir.resolve("state"));
    DaemonConfig config = new DaemonConfig(new InetSocketAddress("127.0.0.1", 0), state,
        Optional.of(spec), Optional.empty(), ImageRegistries.none(), Optional.empty(),
        Optional.empty(), DaemonConfig.LogFormat.TEXT, 0);
    HostAddresses host = new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1", Map.of());
    DaemonSetup setup = new DaemonSetup(config, host,
        new DaemonLog(new PrintStream(log, true, StandardCharsets.UTF_8),
            DaemonConfig.LogFormat.TEXT, clock), clock,
        new AppConfig(config.settingsFile(), host, clock));
    app = new AppSupervisor(setup, runtime, NoImageArchive.INSTANCE, volumes, diagnostics);
  }

  /** Every event the API lists, oldest first. */
  List<ApiEvent> events() {
    return app.events().after(0, 10_000);
  }

  /** Runs {@code action} and waits (10 s at most) for an event it leads to. */
  ApiEvent doAndAwait(Runnable action, Predicate<ApiEvent> awaited) throws InterruptedException {
    CountDownLatch seen = new CountDownLatch(1);
    ApiEvent[] found = new ApiEvent[1];
    Runnable stop = app.events().listen(event -> {
      if (found[0] == null && awaited.test(event)) {
        found[0] = event;
        seen.countDown();
      }
    });
    try {
      action.run();
      assertThat(seen.await(10, TimeUnit.SECONDS)).as("an awaited event; the daemon's log:\n%s",
          log.toString(StandardCharsets.UTF_8)).isTrue();
      return found[0];
    } finally {
      stop.run();
    }
  }

  static Predicate<ApiEvent> textStarting(String text) {
    return event -> event.text().startsWith(text);
  }

  String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    app.close();
  }
}
