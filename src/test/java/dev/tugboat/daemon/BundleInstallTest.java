package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppService.ControlResult;
import dev.tugboat.api.BundleResult;
import dev.tugboat.bundle.BundleWriter;
import dev.tugboat.bundle.TransferListener;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.requirements.HostMeasurements;
import dev.tugboat.runtime.ImageInfo;
import dev.tugboat.runtime.InMemoryImageArchive;
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
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An uploaded bundle in the daemon: refused before anything is loaded or changed when it carries
 * another app or a part differs; a dry run shows the changes and loads nothing; otherwise its
 * images are loaded and its spec becomes the one in use as an apply makes it.
 */
class BundleInstallTest {

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
  private final InMemoryImageArchive engine = new InMemoryImageArchive(image -> runtime.addImage(
      new ImageInfo("sha256:" + image, image, List.of(), List.of(), List.of(), false)));
  private final List<String> calls = new ArrayList<>();
  private SpecStore store;
  private BundleInstall install;
  private OptionalLong engineFree = OptionalLong.of(1L << 40);

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
    AppActions actions = new AppActions(setup, runtime, store);
    SpecUpgrade.Control control = new Control();
    SpecUpgrade upgrades = new SpecUpgrade(setup, store, actions, new UpgradeCheck(setup,
        runtime), control);
    install = new BundleInstall(setup, store, actions, upgrades, engine, control,
        () -> new HostMeasurements(Optional.empty(), OptionalInt.empty(), OptionalDouble.empty(),
            OptionalLong.empty(), "/var/lib/docker", engineFree, Map.of()));
    runtime.removeImage("web:2");
  }

  @Test
  void aBundleLoadsItsImagesThenItsSpecIsApplied() throws Exception {
    Path bundle = bundle("demo", V2);

    BundleResult result = install.install(bundle, "demo-2.tar", false, false).join();

    assertThat(engine.loads()).containsExactly("web:2");
    assertThat(result.loaded()).isTrue();
    assertThat(result.message()).isEqualTo("loaded 1 image of demo 2");
    assertThat(result.apply().applied()).isTrue();
    assertThat(result.apply().summary()).containsExactly(
        "~ container app/web: image web:1 -> web:2");
    assertThat(calls).containsExactly("stop", "start");
    assertThat(Files.readString(store.current().orElseThrow())).isEqualTo(V2);
  }

  @Test
  void aDryRunShowsTheChangesAndLoadsNothing() throws Exception {
    BundleResult result = install.install(bundle("demo", V2), "demo-2.tar", true, false).join();

    assertThat(result.loaded()).isFalse();
    assertThat(result.apply().applied()).isFalse();
    assertThat(result.apply().summary()).containsExactly(
        "~ container app/web: image web:1 -> web:2");
    assertThat(engine.loads()).isEmpty();
    assertThat(calls).isEmpty();
    assertThat(store.current()).contains(dir.resolve("app.yml"));
  }

  @Test
  void aBundleOfAnotherAppIsRefusedWithNothingLoadedOrChanged() throws Exception {
    Path other = bundle("billing", V2.replace("name: demo", "name: billing"));

    assertThatThrownBy(() -> install.install(other, "billing-2.tar", false, false).join())
        .isInstanceOf(CompletionException.class).cause().isInstanceOf(AppRefusal.class)
        .hasMessage("billing-2.tar: the bundle carries app 'billing' 2, but this daemon runs"
            + " app 'demo': refused; use the bundle the vendor made for demo; nothing was"
            + " loaded or changed");
    assertThat(engine.loads()).isEmpty();
    assertThat(calls).isEmpty();
    assertThat(store.current()).contains(dir.resolve("app.yml"));
  }

  @Test
  void aChangedByteInTheSpecIsRefusedWithNothingLoadedOrChanged() throws Exception {
    Path bundle = bundle("demo", V2);
    byte[] bytes = Files.readAllBytes(bundle);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("image_name: web");
    bytes[at] ^= 0x01;
    Files.write(bundle, bytes);

    assertThatThrownBy(() -> install.install(bundle, "demo-2.tar", false, false).join())
        .cause().hasMessageStartingWith("demo-2.tar: part spec.yml does not match its SHA-256");
    assertThat(engine.loads()).isEmpty();
    assertThat(calls).isEmpty();
    assertThat(store.current()).contains(dir.resolve("app.yml"));
  }

  @Test
  void aSpecThatDoesNotValidateIsRefusedBeforeItsImagesAreLoaded() throws Exception {
    Path bundle = bundle("demo", V2.replace("  version: 2\n", "  version: 2\n  bogus: [\n"));

    assertThatThrownBy(() -> install.install(bundle, "demo-2.tar", false, false).join())
        .cause().isInstanceOf(AppRefusal.class).hasMessageStartingWith("demo-2.tar:spec.yml");
    assertThat(engine.loads()).isEmpty();
    assertThat(calls).isEmpty();
  }

  @Test
  void aBundleTheUpgradeCheckRefusesLoadsNothing() throws Exception {
    Path bundle = bundle("demo", V2 + """
        config:
        - name: database
          items:
          - name: db_password
            title: Database password
            type: password
            required: true
        """);

    assertThatThrownBy(() -> install.install(bundle, "demo-2.tar", false, false).join())
        .cause().isInstanceOf(AppRefusal.class).hasMessageContaining("db_password");
    assertThat(engine.loads()).isEmpty();
    assertThat(calls).isEmpty();
    assertThat(store.current()).contains(dir.resolve("app.yml"));
  }

  @Test
  void aBundleWhoseImagesDoNotFitWhereTheEngineKeepsThemLoadsNothing() throws Exception {
    Path bundle = bundle("demo", V2);
    engineFree = OptionalLong.of(100);

    assertThatThrownBy(() -> install.install(bundle, "demo-2.tar", false, false).join())
        .cause().isInstanceOf(AppRefusal.class)
        .hasMessageMatching("demo-2\\.tar: its images need \\d+ bytes in the Docker Engine's data"
            + " directory /var/lib/docker, and 100 bytes are free there: refused, nothing was"
            + " loaded; .*")
        .extracting(e -> ((AppRefusal) e).reason()).isEqualTo(AppRefusal.Reason.NO_SPACE);
    assertThat(engine.loads()).isEmpty();
    assertThat(calls).isEmpty();
  }

  private Path bundle(String app, String spec) throws Exception {
    InMemoryImageArchive vendor = new InMemoryImageArchive().with("web:2", "layers of web 2");
    Path out = dir.resolve(app + "-" + System.nanoTime() + ".tar");
    new BundleWriter(vendor, clock, "1.4.0").write(app, "2",
        spec.getBytes(StandardCharsets.UTF_8), Map.of("web:2", 0L), out, TransferListener.NONE);
    return out;
  }

  /** Stops and starts are recorded; work "beside" runs at once. */
  private final class Control implements SpecUpgrade.Control {
    @Override
    public CompletableFuture<ControlResult> stop(String reason) {
      calls.add("stop");
      return CompletableFuture.completedFuture(new ControlResult("stopped", "stopped"));
    }

    @Override
    public CompletableFuture<ControlResult> start() {
      calls.add("start");
      return CompletableFuture.completedFuture(new ControlResult("starting", "started"));
    }

    @Override
    public Optional<String> liveRunId() {
      return Optional.empty();
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
