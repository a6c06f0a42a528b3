package dev.tugboat.daemon;

import dev.tugboat.orchestrator.ImageRegistries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppService.ControlResult;
import dev.tugboat.api.ApplyResult;
import dev.tugboat.api.FakeApp;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply and rollback against a controller that records what it was asked. */
class SpecUpgradeTest {

  private static final String V1 = """
      replicated_api_version: 2.8.0
      name: demo
      version: "1"
      components:
      - name: app
        containers:
        - source: public
          image_name: web
          version: 1
      """;
  private static final String V2 = V1.replace("\"1\"", "\"2\"").replace("version: 1",
      "version: 2");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final InMemoryRuntime runtime = new InMemoryRuntime(clock);
  private final FakeControl control = new FakeControl();
  private SpecStore store;
  private SpecUpgrade upgrade;

  @BeforeEach
  void setUp() throws Exception {
    Path v1 = Files.writeString(dir.resolve("app.yml"), V1);
    Path state = Files.createDirectories(dir.resolve("state"));
    DaemonConfig config = new DaemonConfig(new InetSocketAddress("127.0.0.1", 0), state,
        Optional.of(v1), Optional.empty(), ImageRegistries.none(), Optional.empty(),
        Optional.empty(), DaemonConfig.LogFormat.TEXT, 0);
    HostAddresses host = new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1", Map.of());
    DaemonSetup setup = new DaemonSetup(config, host, new DaemonLog(
        new PrintStream(new ByteArrayOutputStream()), DaemonConfig.LogFormat.TEXT, clock), clock,
        new AppConfig(config.settingsFile(), host, clock));
    store = new SpecStore(state.resolve("spec"), config.app(), config.settingsFile());
    upgrade = new SpecUpgrade(setup, store, new AppActions(setup, runtime, store),
        new UpgradeCheck(setup, runtime), control);
  }

  @Test
  void applyStopsInstallsAndStartsAndSaysWhatChanged() throws Exception {
    ApplyResult result = upgrade.apply("v2.yml", bytes(V2), false).join();

    assertThat(control.calls).containsExactly("stop: upgrade to demo 2 requested", "start");
    assertThat(Files.readString(store.current().orElseThrow())).isEqualTo(V2);
    assertThat(result.applied()).isTrue();
    assertThat(result.runId()).isEqualTo("run-1");
    assertThat(result.from()).hasToString("demo 1");
    assertThat(result.to()).hasToString("demo 2");
    assertThat(result.summary()).containsExactly("~ container app/web: image web:1 -> web:2");
    assertThat(result.message()).isEqualTo("stopped run run-0; started run run-1 of demo 2");
  }

  @Test
  void aDryRunChangesNothing() {
    ApplyResult result = upgrade.apply("v2.yml", bytes(V2), true).join();
    assertThat(result.applied()).isFalse();
    assertThat(result.summary()).containsExactly("~ container app/web: image web:1 -> web:2");
    assertThat(control.calls).isEmpty();
    assertThat(store.current()).contains(dir.resolve("app.yml"));
    assertThat(store.previous()).isEmpty();
  }

  @Test
  void anInvalidSpecOrAMissingImageStopsNothing() {
    assertThatThrownBy(() -> upgrade.apply("v2.yml", bytes("name: [x\n"), false))
        .isInstanceOf(AppRefusal.class).message().startsWith("v2.yml:");
    runtime.removeImage("web:2");
    assertThatThrownBy(() -> upgrade.apply("v2.yml", bytes(V2), false).join())
        .cause().isInstanceOf(AppRefusal.class)
        .message().startsWith("v2.yml needs an image this host does not have");
    assertThat(control.calls).isEmpty();
    assertThat(store.previous()).isEmpty();
  }

  @Test
  void rollbackWithoutAnApplyIsAConflictThatSaysWhatToDo() {
    assertThatThrownBy(upgrade::rollback)
        .isInstanceOf(AppRefusal.class)
        .satisfies(e -> assertThat(((AppRefusal) e).reason())
            .isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessage("there is no previous spec to roll back to: rollback returns to the spec in"
            + " use before the last apply, and no spec was applied yet (tugboat apply NEW_SPEC"
            + " installs one)");
    assertThat(control.calls).isEmpty();
  }

  @Test
  void rollbackReturnsToTheSpecBeforeTheApply() throws Exception {
    upgrade.apply("v2.yml", bytes(V2), false).join();
    control.calls.clear();

    ApplyResult result = upgrade.rollback().join();

    assertThat(control.calls).containsExactly("stop: rollback to demo 1 requested", "start");
    assertThat(Files.readString(store.current().orElseThrow())).isEqualTo(V1);
    assertThat(result.from()).hasToString("demo 2");
    assertThat(result.summary()).containsExactly("~ container app/web: image web:2 -> web:1");
  }

  @Test
  void aFailedUpgradeRunIsStoppedAndTheAppShowsHowToGoBack() {
    upgrade.apply("v2.yml", bytes(V2), false).join();
    control.calls.clear();
    upgrade.observe(FakeApp.runWith("starting", "waiting for 1 event"));
    assertThat(control.calls).isEmpty();

    upgrade.observe(FakeApp.runWith("failed", "app/web exited with code 3"));
    upgrade.observe(FakeApp.runWith("failed", "app/web exited with code 3"));

    assertThat(control.calls).containsExactly("stop: upgrade to demo 2 failed",
        "show: upgrade to demo 2 failed: app/web exited with code 3; what it started was"
            + " stopped; tugboat rollback returns to demo 1");
  }

  @Test
  void aFailedRunNotStartedByAnUpgradeIsLeftAsItIs() {
    upgrade.observe(FakeApp.runWith("failed", "app/web exited with code 3"));
    assertThat(control.calls).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Runs get ids run-0 (the one before), run-1, ...; stops and starts are done at once. */
  private static final class FakeControl implements SpecUpgrade.Control {
    final List<String> calls = new ArrayList<>();
    private int runs;

    @Override
    public CompletableFuture<ControlResult> stop(String reason) {
      calls.add("stop: " + reason);
      return CompletableFuture.completedFuture(new ControlResult("stopped",
          "stopped run run-" + (runs - 1 < 0 ? 0 : runs - 1)));
    }

    @Override
    public CompletableFuture<ControlResult> start() {
      calls.add("start");
      runs++;
      return CompletableFuture.completedFuture(new ControlResult("starting",
          "started run run-" + runs));
    }

    @Override
    public Optional<String> liveRunId() {
      return runs == 0 ? Optional.empty() : Optional.of("run-" + runs);
    }

    @Override
    public dev.tugboat.api.AppSnapshot status() {
      return dev.tugboat.api.AppSnapshot.idle("demo", "1", "the app has not been started");
    }

    @Override
    public <T> CompletableFuture<T> offSupervisor(java.util.function.Supplier<T> work) {
      try {
        return CompletableFuture.completedFuture(work.get());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public void showFailure(String message) {
      calls.add("show: " + message);
    }
  }
}
