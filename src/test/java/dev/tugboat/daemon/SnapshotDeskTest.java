package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppService.ControlResult;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.api.ApplyResult;
import dev.tugboat.api.SnapshotResult;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.events.AppPhase;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.InMemoryVolumeArchive;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots around upgrades against the in-memory engine and volumes, with a control that records
 * what it was asked: the order of stop, copy, install and start is what these tests read.
 */
class SnapshotDeskTest {

  private static final String V1 = """
      replicated_api_version: 2.8.0
      name: demo
      version: "1"
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: 15
          volumes:
          - host_path: pgdata
            container_path: /var/lib/postgresql/data
          - host_path: /etc/demo
            container_path: /etc/demo
            options: ["ro"]
      - name: app
        containers:
        - source: public
          image_name: web
          version: 1
      """;
  private static final String V2 = V1.replace("version: \"1\"", "version: \"2\"")
      .replace("version: 1", "version: 2");
  private static final DataMount PGDATA = new DataMount(DataMount.Kind.NAMED_VOLUME, "pgdata");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final InMemoryRuntime runtime = new InMemoryRuntime(clock);
  private final InMemoryVolumeArchive volumes = new InMemoryVolumeArchive()
      .volume("pgdata", Map.of("schema", "v1", "rows", "hello"));
  private final RecordingControl control = new RecordingControl();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private long freeSpace = 1L << 40;
  /** The daemon closes while the copy runs. */
  private boolean closeDuringCopy;
  /** The engine's last pause or unpause before each copy. */
  private final List<String> copiedAfter = new ArrayList<>();
  /** While this directory exists, no space is free: what an interrupted snapshot left. */
  private Path hog;
  private boolean full;
  private Path state;
  private SpecStore specs;
  private SnapshotStore store;
  private SnapshotDesk desk;
  private SpecUpgrade upgrade;

  @BeforeEach
  void setUp() throws Exception {
    Path v1 = Files.writeString(dir.resolve("app.yml"), V1);
    state = Files.createDirectories(dir.resolve("state"));
    make(v1, 2);
    Files.writeString(state.resolve("settings.json"), "{}\n");
  }

  private void make(Path app, int kept) {
    DaemonConfig config = new DaemonConfig(new InetSocketAddress("127.0.0.1", 0), state,
        Optional.of(app), Optional.empty(), ImageRegistries.none(), Optional.empty(),
        Optional.empty(), DaemonConfig.LogFormat.TEXT, 0, java.util.Set.of(),
        new ConsoleTlsSetting.Auto(), Duration.ofSeconds(30), kept);
    HostAddresses host = new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1", Map.of());
    DaemonSetup setup = new DaemonSetup(config, host, new DaemonLog(
        new PrintStream(log, true, StandardCharsets.UTF_8), DaemonConfig.LogFormat.TEXT, clock),
        clock, new AppConfig(config.settingsFile(), host, clock));
    specs = new SpecStore(state.resolve("spec"), config.app(), config.settingsFile());
    AppActions actions = new AppActions(setup, runtime, specs,
        () -> dev.tugboat.license.LicensedApp.none(LicenseDesk.ADVICE,
            dev.tugboat.license.Releases.none()), volumes);
    store = new SnapshotStore(config.snapshotsDir(), setup.log()::warn);
    UnfinishedRestore unfinished = new UnfinishedRestore(state);
    RecordedEmptying restoring = new RecordedEmptying(volumes, unfinished);
    desk = new SnapshotDesk(setup, specs, actions, store,
        new SnapshotTaker(store, new StepClock(volumes, clock), clock, setup.log(), kept,
            dirOnDisk -> hog != null && Files.exists(hog) ? 0 : freeSpace),
        new SnapshotRestorer(store, restoring, runtime, setup.log(), actions.dataChoice(),
            actions::appName), control, unfinished, restoring,
        new SnapshotPause(state, runtime, setup.log()));
    upgrade = new SpecUpgrade(setup, specs, actions, new UpgradeCheck(setup, runtime), control,
        desk);
  }

  @Test
  void applyKeepsTheDataAfterTheStopAndBeforeTheNewSpecWithAManifest() throws Exception {
    ApplyResult result = upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false)
        .join();

    assertThat(control.calls).as("the checks, the stop, the copy, the start").containsExactly(
        "off the supervisor", "stop: upgrade to demo 2 requested", "off the supervisor",
        "start");
    assertThat(volumes.calls()).contains("read named-volume pgdata with postgres:15")
        .noneMatch(call -> call.contains("/etc/demo"));
    SnapshotManifest manifest = store.list().get(0);
    assertThat(result.message()).startsWith("stopped run run-0; snapshot " + manifest.id()
        + " of the data taken: 1 volume, ").contains(" in 2.0 s; started run run-1 of demo 2");
    assertThat(manifest.app()).isEqualTo("demo");
    assertThat(manifest.version()).isEqualTo("1");
    assertThat(manifest.cause()).isEqualTo("apply");
    assertThat(manifest.reason()).isEqualTo("before the upgrade to demo 2");
    assertThat(manifest.specDigest()).isEqualTo(InputFiles.digestOf(
        V1.getBytes(StandardCharsets.UTF_8)));
    assertThat(manifest.settingsDigest()).isEqualTo(InputFiles.digestOf(
        "{}\n".getBytes(StandardCharsets.UTF_8)));
    Path folder = store.folder(manifest.id());
    assertThat(Files.readString(folder.resolve("spec.yml"))).isEqualTo(V1);
    assertThat(manifest.volumes()).singleElement().satisfies(volume -> {
      assertThat(volume.name()).isEqualTo("pgdata");
      assertThat(volume.kind()).isEqualTo("named-volume");
      assertThat(volume.path()).isEqualTo("/var/lib/postgresql/data");
      assertThat(volume.image()).isEqualTo("postgres:15");
      assertThat(volume.driver()).isEqualTo("local");
      assertThat(volume.labels()).containsEntry("keep", "yes");
      assertThat(volume.owner()).isEqualTo("999:999");
      assertThat(volume.mode()).isEqualTo("0700");
      assertThat(volume.dataBytes()).isEqualTo(7L);
      Path archive = folder.resolve(volume.archive());
      assertThat(volume.archiveBytes()).isEqualTo(Files.size(archive));
      assertThat(volume.sha256()).isEqualTo(sha256(archive));
    });
    assertThat(Files.readString(specs.current().orElseThrow())).isEqualTo(V2);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("snapshot " + manifest.id()
        + " of demo 1 taken (before the upgrade to demo 2): 1 volume, ");
  }

  @Test
  void aSnapshotThatFailsStopsTheUpgradeBeforeAnythingOfTheNewVersionRan() throws Exception {
    volumes.failOn("read", RuntimeFailure.engineError("read named-volume pgdata",
        "no such image", null));

    assertThatThrownBy(() -> upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false)
        .join()).isInstanceOf(CompletionException.class).cause()
        .isInstanceOfSatisfying(AppRefusal.class,
            e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.FAILED))
        .hasMessageContaining("the snapshot of demo 1 failed: ")
        .hasMessageEndingWith("; the upgrade to demo 2 was stopped before anything of it ran:"
            + " the spec in use is still demo 1 and the app is stopped (tugboat start starts it"
            + " again; apply again once the cause is fixed)");

    assertThat(control.calls).hasSize(4).doesNotContain("start");
    assertThat(control.calls.get(3)).startsWith("show: the snapshot of demo 1 failed");
    assertThat(runtime.history()).noneMatch(line -> line.startsWith("create"));
    assertThat(Files.readString(specs.current().orElseThrow())).isEqualTo(V1);
    assertThat(store.list()).isEmpty();
    try (var left = Files.list(store.dir())) {
      assertThat(left).as("no unfinished snapshot left").isEmpty();
    }
  }

  @Test
  void aDiskThatFillsUpDuringTheCopyStopsTheUpgradeAndLeavesNoSnapshot() throws Exception {
    full = true;

    assertThatThrownBy(() -> upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false)
        .join()).cause().hasMessageStartingWith("the snapshot of demo 1 failed:"
            + " java.io.IOException: No space left on device; the upgrade to demo 2 was stopped"
            + " before anything of it ran");
    assertThat(control.calls).doesNotContain("start");
    assertThat(Files.readString(specs.current().orElseThrow())).isEqualTo(V1);
    try (var left = Files.list(store.dir())) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void tooLittleFreeSpaceIsFoundBeforeAnyCopy() {
    freeSpace = 1024;

    assertThatThrownBy(() -> upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false)
        .join()).cause().hasMessageContaining("not enough free space for the snapshot in "
            + state.resolve("snapshots") + ": the data takes 7 B (and 64.0 MiB are kept free),"
            + " 1.0 KiB are free");
    assertThat(volumes.calls()).noneMatch(call -> call.startsWith("read"));
    assertThat(control.calls).doesNotContain("start");
  }

  @Test
  void theOldestSnapshotsBeyondTheRetentionCountAreRemovedAfterANewOne() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(desk.create(false).join().snapshot().id());
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(store.list()).extracting(SnapshotManifest::id)
        .containsExactly(ids.get(2), ids.get(1));
    assertThat(store.folder(ids.get(0))).doesNotExist();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains(
        "removed the oldest snapshots beyond snapshots_kept 2: " + ids.get(0));
  }

  @Test
  void aRunningAppIsRefusedUnlessAskedToStopItAndIsStartedAgainAfterTheSnapshot() {
    control.start();
    control.calls.clear();

    assertThatThrownBy(() -> desk.create(false)).isInstanceOfSatisfying(AppRefusal.class,
        e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessageStartingWith("the app runs (run run-1): a consistent snapshot needs it"
            + " stopped");
    SnapshotResult result = desk.create(true).join();

    assertThat(control.calls).containsExactly("stop: a snapshot was asked with --stop",
        "off the supervisor", "start");
    assertThat(result.message()).matches("stopped run run-0; snapshot \\S+ taken: 1 volume, .*;"
        + " started run run-2");
    assertThat(result.runId()).isEqualTo("run-2");
  }

  @Test
  void restoreChecksThenStopsEmptiesWritesAndStartsWithTheSnapshotsSpec() throws Exception {
    String id = desk.create(false).join().snapshot().id();
    upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false).join();
    volumes.replace("pgdata", Map.of("schema", "v2", "rows", "migrated"));
    control.calls.clear();
    int before = volumes.calls().size();

    SnapshotResult result = desk.restore(id).join();

    assertThat(volumes.calls().subList(before, volumes.calls().size())).containsExactly(
        "empty named-volume pgdata", "write named-volume pgdata with postgres:15");
    assertThat(control.calls).containsExactly("off the supervisor",
        "stop: restore of snapshot " + id + " requested", "off the supervisor", "start");
    assertThat(volumes.files("pgdata")).containsExactly(Map.entry("rows", "hello"),
        Map.entry("schema", "v1"));
    assertThat(volumes.content(PGDATA).mode()).isEqualTo(0700);
    assertThat(Files.readString(specs.current().orElseThrow())).isEqualTo(V1);
    assertThat(result.message()).contains("restored snapshot " + id + " (1 volume, ")
        .contains("the spec in use is now demo 1 (tugboat rollback returns to the one before)")
        .endsWith("; started run run-2");
  }

  @Test
  void aDamagedArchiveOrAnUnknownIdChangesNothing() throws Exception {
    SnapshotManifest taken = manifestOf(desk.create(false).join());
    Path archive = store.folder(taken.id()).resolve(taken.volumes().get(0).archive());
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length / 2] ^= 1;
    Files.write(archive, bytes);
    control.calls.clear();

    assertThatThrownBy(() -> desk.restore(taken.id()).join()).cause()
        .hasMessageStartingWith("snapshot " + taken.id() + " cannot be restored: the archive of"
            + " pgdata (" + archive + ") has SHA-256 ")
        .hasMessageEndingWith("(damaged or changed); nothing was changed");
    assertThatThrownBy(() -> desk.restore("20260101-000000.000-abcd"))
        .isInstanceOfSatisfying(AppRefusal.class,
            e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.NOT_FOUND))
        .hasMessageContaining("no snapshot 20260101-000000.000-abcd");
    assertThat(control.calls).containsExactly("off the supervisor");
    assertThat(volumes.calls()).noneMatch(call -> call.startsWith("empty")
        || call.startsWith("write"));
  }

  @Test
  void aSnapshotOfAnotherAppIsRefused() throws Exception {
    SnapshotManifest taken = manifestOf(desk.create(false).join());
    Path other = Files.writeString(dir.resolve("other.yml"), V1.replace("name: demo",
        "name: other"));
    make(other, 2);

    assertThatThrownBy(() -> desk.restore(taken.id())).isInstanceOfSatisfying(AppRefusal.class,
        e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessage("snapshot " + taken.id() + " holds the data of demo, the daemon runs other:"
            + " a snapshot is restored only into the app it was taken of");
  }

  @Test
  void rollbackWithDataPutsBackTheDataTheApplyKeptBeforeTheOldSpecStarts() throws Exception {
    upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false).join();
    volumes.replace("pgdata", Map.of("schema", "v2", "rows", "migrated"));
    control.calls.clear();
    int before = volumes.calls().size();

    ApplyResult result = upgrade.rollback(true).join();

    assertThat(control.calls).containsExactly("off the supervisor",
        "off the supervisor", "stop: rollback to demo 1 requested",
        "off the supervisor", "start");
    assertThat(volumes.calls().subList(before, volumes.calls().size())).containsExactly(
        "empty named-volume pgdata", "write named-volume pgdata with postgres:15");
    assertThat(volumes.files("pgdata")).containsEntry("schema", "v1").containsEntry("rows",
        "hello");
    assertThat(Files.readString(specs.current().orElseThrow())).isEqualTo(V1);
    assertThat(result.message()).contains("; restored the data of snapshot ")
        .contains("taken before the upgrade to demo 2)");
  }

  @Test
  void rollbackWithDataWithoutTheApplysSnapshotIsRefusedBeforeAnythingStops() throws Exception {
    upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false).join();
    removeTree(store.folder(store.list().get(0).id()));
    control.calls.clear();

    assertThatThrownBy(() -> upgrade.rollback(true)).isInstanceOfSatisfying(AppRefusal.class,
        e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessageStartingWith("no snapshot taken by an apply holds the data of the spec and"
            + " settings a rollback returns to");
    assertThat(control.calls).isEmpty();
  }

  @Test
  void retentionNeverRemovesTheSnapshotRollbackWithDataNeeds() throws Exception {
    upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false).join();
    String byApply = store.list().get(0).id();
    for (int i = 0; i < 2; i++) {
      clock.advance(Duration.ofMinutes(1));
      desk.create(true).join();
    }

    assertThat(store.list()).hasSize(3).extracting(SnapshotManifest::id).endsWith(byApply);
    volumes.replace("pgdata", Map.of("schema", "v2", "rows", "migrated"));
    assertThat(upgrade.rollback(true).join().message()).contains("restored the data of snapshot "
        + byApply);
    assertThat(volumes.files("pgdata")).containsEntry("schema", "v1");
  }

  @Test
  void theSnapshotJustTakenIsKeptWhenTheClockWentBack() throws Exception {
    make(dir.resolve("app.yml"), 1);
    SnapshotManifest earlier = manifestOf(desk.create(false).join());
    // as if taken before the clock was set back: its id sorts after anything taken now
    String later = "29991231-235959.999-abcd";
    Path folder = Files.createDirectories(store.folder(later));
    try (var files = Files.list(store.folder(earlier.id()))) {
      for (Path file : files.toList()) {
        Files.writeString(folder.resolve(file.getFileName()), Files.readString(file,
            StandardCharsets.ISO_8859_1).replace(earlier.id(), later),
            StandardCharsets.ISO_8859_1);
      }
    }
    removeTree(store.folder(earlier.id()));

    String taken = desk.create(false).join().snapshot().id();

    assertThat(store.list()).extracting(SnapshotManifest::id).containsExactly(later, taken);
    assertThat(store.folder(taken).resolve(SnapshotManifest.FILE)).exists();
  }

  @Test
  void whatAnInterruptedSnapshotLeftIsRemovedBeforeTheFreeSpaceIsMeasured() throws Exception {
    hog = Files.createDirectories(store.dir().resolve("20261201-000000.000-abcd.partial"));
    Files.writeString(hog.resolve("00-pgdata.tar.gz"), "half an archive");

    upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false).join();

    assertThat(hog).doesNotExist();
    assertThat(store.list()).hasSize(1);
    assertThat(Files.readString(specs.current().orElseThrow())).isEqualTo(V2);
  }

  @Test
  void theDaemonsStartRemovesWhatAnInterruptedSnapshotLeft() throws Exception {
    Path left = Files.createDirectories(store.dir().resolve("20261201-000000.000-abcd.partial"));
    Files.writeString(left.resolve("00-pgdata.tar.gz"), "half an archive");

    make(dir.resolve("app.yml"), 2);

    assertThat(left).doesNotExist();
  }

  @Test
  void aRestoreThatFailsHalfWayRefusesEverythingButARestoreOfThatSnapshot() throws Exception {
    String id = desk.create(false).join().snapshot().id();
    clock.advance(Duration.ofMinutes(1));
    String other = desk.create(false).join().snapshot().id();
    volumes.replace("pgdata", Map.of("schema", "v2"));
    volumes.failOn("write named-volume pgdata", RuntimeFailure.engineError("write", "gone",
        null));
    String why = "a restore of snapshot " + id + " did not finish: run `tugboat snapshot"
        + " restore " + id + "` again";

    assertThatThrownBy(() -> desk.restore(id).join()).cause()
        .hasMessageContaining("the restore of snapshot " + id + " failed at");
    assertThat(Files.readString(state.resolve(UnfinishedRestore.FILE)).strip()).isEqualTo(id);
    control.calls.clear();
    assertThatThrownBy(() -> upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false))
        .isInstanceOf(AppRefusal.class).hasMessage(why);
    assertThatThrownBy(() -> upgrade.rollback()).hasMessage(why);
    assertThatThrownBy(() -> desk.restore(other)).isInstanceOf(AppRefusal.class).hasMessage(why);
    assertThat(control.calls).as("nothing stopped or started").isEmpty();

    desk.restore(id).join();

    assertThat(state.resolve(UnfinishedRestore.FILE)).doesNotExist();
    assertThat(volumes.files("pgdata")).containsEntry("schema", "v1");
    assertThat(control.calls).endsWith("start");
  }

  @Test
  void aRestoreRefusedBeforeAnythingWasEmptiedLeavesTheAppStartable() throws Exception {
    String id = desk.create(false).join().snapshot().id();
    var running = runtime.create(dev.tugboat.runtime.ContainerConfig.builder("postgres:15")
        .name("demo-db").label(dev.tugboat.orchestrator.InstanceLabels.APP, "demo").build());
    runtime.start(running);

    assertThatThrownBy(() -> desk.restore(id).join()).cause()
        .hasMessageEndingWith("nothing was changed");

    assertThat(state.resolve(UnfinishedRestore.FILE)).doesNotExist();
    assertThat(volumes.calls()).noneMatch(call -> call.startsWith("empty"));
    upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false).join();
  }

  @Test
  void aRollbackWithDataThatFailsHalfWayIsFinishedByTheNextOne() throws Exception {
    upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false).join();
    String id = store.list().get(0).id();
    volumes.failOn("write named-volume pgdata", RuntimeFailure.engineError("write", "gone",
        null));

    assertThatThrownBy(() -> upgrade.rollback(true).join()).cause()
        .hasMessageContaining("the restore of snapshot " + id + " failed at");
    assertThat(Files.readString(state.resolve(UnfinishedRestore.FILE)).strip()).isEqualTo(id);

    upgrade.rollback(true).join();

    assertThat(state.resolve(UnfinishedRestore.FILE)).doesNotExist();
    assertThat(Files.readString(specs.current().orElseThrow())).isEqualTo(V1);
  }

  private static void removeTree(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static final String HOSTS = """
      replicated_api_version: 2.8.0
      name: demo
      version: "1"
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: 15
          volumes:
          - host_path: pgdata
            container_path: /var/lib/postgresql/data
          - host_path: /srv/demo/uploads/
            container_path: /uploads
          - host_path: /srv/demo/uploads
            container_path: /uploads-again
          - host_path: /var/run/docker.sock
            container_path: /var/run/docker.sock
          - host_path: /srv/demo/app.conf
            container_path: /etc/app.conf
          - host_path: /dev/fuse
            container_path: /dev/fuse
          - host_path: /proc/sys/net
            container_path: /host-net
      """;
  private static final DataMount UPLOADS = new DataMount(DataMount.Kind.HOST_PATH,
      "/srv/demo/uploads");

  private static String mountingForWriting(Object path) {
    String readOnly = "host_path: /etc/demo\n      container_path: /etc/demo\n"
        + "      options: [\"ro\"]\n";
    assertThat(V1).contains(readOnly);
    return V1.replace(readOnly, "host_path: " + path + "\n      container_path: /x\n");
  }

  private void useHostsSpec(String spec) throws Exception {
    make(Files.writeString(dir.resolve("hosts.yml"), spec), 2);
    volumes.hostPath("/srv/demo/uploads", Map.of("a.png", "png"))
        .kind("/var/run/docker.sock", dev.tugboat.runtime.HostPathKind.SOCKET)
        .kind("/srv/demo/app.conf", dev.tugboat.runtime.HostPathKind.FILE)
        .kind("/dev/fuse", dev.tugboat.runtime.HostPathKind.DEVICE);
  }

  @Test
  void socketsDevicesSingleFilesAndKernelViewsAreLeftOutWithAWarningAndAPathIsKeptOnce()
      throws Exception {
    useHostsSpec(HOSTS);

    SnapshotManifest taken = manifestOf(desk.create(false).join());

    assertThat(taken.volumes()).extracting(SnapshotManifest.Volume::name)
        .containsExactly("pgdata", "/srv/demo/uploads");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("host path /var/run/docker.sock, which db/postgres mounts for writing at"
            + " /var/run/docker.sock, is a socket, not data: left out of the snapshot")
        .contains("host path /dev/fuse, which db/postgres mounts for writing at /dev/fuse, is a"
            + " device, not data")
        .contains("host path /srv/demo/app.conf, which db/postgres mounts for writing at"
            + " /etc/app.conf, is a single file: a snapshot keeps directories only")
        .contains("host path /proc/sys/net, which db/postgres mounts for writing at /host-net,"
            + " is a view of the kernel, not data");
    assertThat(volumes.calls()).noneMatch(call -> call.contains("docker.sock")
        || call.contains("app.conf") || call.contains("/proc"));
  }

  @Test
  void aSystemDirectoryOrTheStateDirectoryIsNeverKeptSoNeverEmptied() throws Exception {
    for (String path : List.of("/", "/etc/", "/var/lib/docker", "/srv/../usr", "/tmp")) {
      make(Files.writeString(dir.resolve("sys.yml"), mountingForWriting(path)), 2);
      String normal = Path.of(path).normalize().toString();
      assertThatThrownBy(() -> desk.create(false)).isInstanceOfSatisfying(AppRefusal.class,
          e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
          .hasMessageStartingWith("host path " + normal + ", which db/postgres mounts for"
              + " writing at /x, cannot be kept in a snapshot: " + normal + " is a system"
              + " directory: a restore would delete the host's own files; mount a directory of"
              + " the app's own instead, or mount it read-only (options: [ro])");
    }
    for (Path path : List.of(state, state.resolve("snapshots"), dir)) {
      make(Files.writeString(dir.resolve("sys.yml"), mountingForWriting(path)), 2);
      assertThatThrownBy(() -> desk.create(false)).isInstanceOf(AppRefusal.class)
          .hasMessageContaining("Tugboat's state directory " + state + ": a restore would"
              + " delete the snapshots and the daemon's state");
    }
    assertThat(volumes.calls()).noneMatch(call -> call.startsWith("read"));
  }

  /** V1 with more volumes for db/postgres, written as its volumes entries. */
  private static String withVolumes(String entries) {
    String readOnly = "    - host_path: /etc/demo\n      container_path: /etc/demo\n"
        + "      options: [\"ro\"]\n";
    assertThat(V1).contains(readOnly);
    return V1.replace(readOnly, readOnly + entries);
  }

  @Test
  void volumesTheSpecMarksExcludedFromBackupOrEphemeralAreLeftOutAndTheAnswerSaysSo()
      throws Exception {
    make(Files.writeString(dir.resolve("excluded.yml"), withVolumes("""
          - host_path: cache
            container_path: /cache
            is_excluded_from_backup: true
          - host_path: /srv/demo/scratch
            container_path: /scratch
            is_ephemeral: true
          - host_path: /tmp
            container_path: /host-tmp
            is_excluded_from_backup: true
          - host_path: shared
            container_path: /shared
            is_ephemeral: true
          - host_path: shared
            container_path: /shared-kept
      """)), 2);
    volumes.volume("cache", Map.of("big", "blob")).volume("shared", Map.of("a", "b"))
        .hostPath("/srv/demo/scratch", Map.of("t", "x"));

    SnapshotResult result = desk.create(false).join();

    // /tmp would be refused as a system directory: left out, it is never copied nor emptied
    assertThat(manifestOf(result).volumes()).extracting(SnapshotManifest.Volume::name)
        .as("a volume one of its mounts keeps is kept").containsExactly("pgdata", "shared");
    assertThat(result.message()).contains("; left out as the spec marks them"
        + " (is_excluded_from_backup, is_ephemeral): volume cache, host path /srv/demo/scratch,"
        + " host path /tmp");
    assertThat(volumes.calls()).noneMatch(call -> call.contains("cache")
        || call.contains("scratch") || call.contains("/tmp"));
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("left out as the spec marks them");
  }

  @Test
  void anAppWhoseEveryVolumeIsLeftOutTakesNoSnapshotAndUpgradesWithoutOne() throws Exception {
    String spec = V1.replace("container_path: /var/lib/postgresql/data\n",
        "container_path: /var/lib/postgresql/data\n      is_excluded_from_backup: true\n");
    assertThat(spec).isNotEqualTo(V1);
    make(Files.writeString(dir.resolve("app.yml"), spec), 2);

    assertThatThrownBy(() -> desk.create(false)).isInstanceOfSatisfying(AppRefusal.class,
        e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessage("demo 1: the spec marks every volume it mounts for writing"
            + " is_excluded_from_backup or is_ephemeral (volume pgdata), so there is no data to"
            + " keep");
    ApplyResult applied = upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false)
        .join();
    assertThat(applied.message()).contains("no snapshot: demo 1: the spec marks every volume");
    assertThat(store.list()).isEmpty();
    assertThat(volumes.calls()).noneMatch(call -> call.startsWith("read"));
  }

  @Test
  void backupEnabledFalseTurnsSnapshotsOffByHandAndBeforeAnUpgrade() throws Exception {
    // /etc mounted for writing would stop the upgrade if snapshots were on
    make(Files.writeString(dir.resolve("off.yml"), mountingForWriting("/etc")
        + "backup:\n  enabled: false\n  pause_all: false\n"), 2);

    assertThatThrownBy(() -> desk.create(true)).isInstanceOfSatisfying(AppRefusal.class,
        e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessage("demo 1: the spec turns snapshots off (backup.enabled is false)");
    assertThat(control.calls).as("nothing stopped for a snapshot never taken").isEmpty();
    ApplyResult applied = upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8), false)
        .join();
    assertThat(applied.message()).contains("no snapshot: demo 1: the spec turns snapshots off"
        + " (backup.enabled is false)").contains("started run run-1 of demo 2");
    assertThat(store.list()).isEmpty();
    assertThatThrownBy(() -> upgrade.rollback(true)).isInstanceOf(AppRefusal.class)
        .hasMessageContaining("its spec turned snapshots off with backup.enabled");
  }

  @Test
  void aTemplatedBackupEnabledIsDecidedWithTheSettingsInUse() throws Exception {
    String spec = V1.replace("components:\n", """
        config:
        - name: backups
          items:
          - {name: snapshots, type: bool, default: "0"}
        backup:
          enabled: '{{repl ConfigOptionEquals "snapshots" "1"}}'
        components:
        """);
    make(Files.writeString(dir.resolve("app.yml"), spec), 2);

    assertThatThrownBy(() -> desk.create(false)).isInstanceOf(AppRefusal.class)
        .hasMessage("demo 1: the spec turns snapshots off (backup.enabled is {{repl"
            + " ConfigOptionEquals \"snapshots\" \"1\"}}, false with the settings in use)");

    Files.writeString(state.resolve("settings.json"),
        "{\"items\": {\"snapshots\": {\"value\": \"1\"}}}\n");
    assertThat(manifestOf(desk.create(false).join()).volumes())
        .extracting(SnapshotManifest.Volume::name).containsExactly("pgdata");
  }

  private static final String PAUSING = V1 + "backup:\n  pause_containers: true\n";

  /** Starts a container in the engine and shows it in the app's run as {@code state}. */
  private RunStatus.ContainerStatus instance(String key, String state) {
    dev.tugboat.runtime.ContainerId id = runtime.create(dev.tugboat.runtime.ContainerConfig
        .builder("busybox").name("demo-" + key.replace('/', '-')).build());
    runtime.start(id);
    return new RunStatus.ContainerStatus(key, "demo-" + key, id.value(), state, state, null, 0,
        List.of(), List.of(), "", "", List.of());
  }

  private List<String> pauseCalls() {
    return runtime.history().stream().filter(call -> call.startsWith("pause ")
        || call.startsWith("unpause ")).toList();
  }

  @Test
  void aSpecThatPausesForSnapshotsHasTheRunningAppPausedForTheCopyAndRunningOn()
      throws Exception {
    make(Files.writeString(dir.resolve("app.yml"), PAUSING), 2);
    control.start();
    control.containers = List.of(instance("db/postgres", "running"),
        instance("migrate/migrate", "completed"), instance("app/web", "running"));
    control.calls.clear();

    // --stop allows interrupting the app: the pause the spec asks for interrupts it least
    SnapshotResult result = desk.create(true).join();

    SnapshotManifest taken = manifestOf(result);
    assertThat(result.message()).startsWith("paused run run-1 (2 containers) for ")
        .contains("; snapshot " + taken.id() + " taken: 1 volume, ")
        .endsWith("; the app runs on");
    assertThat(control.calls).as("nothing stopped or started").containsExactly(
        "off the supervisor");
    assertThat(pauseCalls()).containsExactly("pause demo-db-postgres", "pause demo-app-web",
        "unpause demo-db-postgres", "unpause demo-app-web");
    assertThat(copiedAfter).as("copied while every container was paused")
        .containsExactly("pause demo-app-web");
    assertThat(volumes.calls()).contains("read named-volume pgdata with postgres:15");
    assertThat(control.progress.get(0)).isEqualTo("taking a snapshot of the data of demo 1 with"
        + " its 2 containers paused (the spec's backup.pause_containers)");
    assertThat(state.resolve(SnapshotPause.FILE)).as("nothing left to resume").doesNotExist();
  }

  @Test
  void aContainerTheOperatorPausedStaysPausedAfterThePausedSnapshot() throws Exception {
    make(Files.writeString(dir.resolve("app.yml"), PAUSING), 2);
    control.start();
    RunStatus.ContainerStatus web = instance("app/web", "running");
    control.containers = List.of(instance("db/postgres", "running"), web);
    dev.tugboat.runtime.ContainerId webId = dev.tugboat.runtime.ContainerId.of(web.containerId());
    runtime.pause(webId);
    int before = pauseCalls().size();

    SnapshotResult result = desk.create(false).join();

    assertThat(result.message()).contains("; snapshot " + manifestOf(result).id() + " taken: ")
        .endsWith("; the app runs on; app/web was paused before the snapshot and stays paused");
    assertThat(pauseCalls().subList(before, pauseCalls().size())).containsExactly(
        "pause demo-db-postgres", "unpause demo-db-postgres");
    assertThat(runtime.inspect(webId).orElseThrow().state())
        .isEqualTo(dev.tugboat.runtime.ContainerState.PAUSED);
    assertThat(copiedAfter).as("copied while every container was paused")
        .containsExactly("pause demo-db-postgres");
    assertThat(state.resolve(SnapshotPause.FILE)).doesNotExist();
  }

  @Test
  void aCopyThatFailsWhilePausedStillLetsTheAppRunOn() throws Exception {
    make(Files.writeString(dir.resolve("app.yml"), PAUSING), 2);
    control.start();
    control.containers = List.of(instance("db/postgres", "running"));
    freeSpace = 0;
    assertThatThrownBy(() -> desk.create(false).join()).cause().isInstanceOf(AppRefusal.class)
        .hasMessageContaining("not enough free space for the snapshot");
    assertThat(pauseCalls()).as("what can be checked is checked before a pause").isEmpty();
    freeSpace = 1L << 40;
    full = true;

    assertThatThrownBy(() -> desk.create(false).join()).cause()
        .isInstanceOfSatisfying(AppRefusal.class,
            e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.FAILED))
        .hasMessageContaining("No space left on device; run run-1 was paused for ")
        .hasMessageEndingWith(" s; the app runs on");
    assertThat(pauseCalls()).containsExactly("pause demo-db-postgres", "unpause demo-db-postgres");
    assertThat(store.list()).isEmpty();
    assertThat(state.resolve(SnapshotPause.FILE)).doesNotExist();
  }

  @Test
  void anAppStillStartingOrNotAskingForAPauseIsRefusedAndNothingIsPaused() throws Exception {
    make(Files.writeString(dir.resolve("app.yml"), PAUSING), 2);
    control.start();
    control.containers = List.of(instance("db/postgres", "running"));
    control.phase = AppPhase.STARTING;
    assertThatThrownBy(() -> desk.create(false)).isInstanceOfSatisfying(AppRefusal.class,
        e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessage("the app is starting (run run-1): the spec pauses the app for a snapshot"
            + " (backup.pause_containers) once it has started; try again then, or tugboat"
            + " snapshot create --stop stops it for the snapshot");

    control.phase = AppPhase.STARTED;
    control.containers = List.of(control.containers.get(0), instance("app/web", "restarting"));
    assertThatThrownBy(() -> desk.create(false)).isInstanceOf(AppRefusal.class)
        .hasMessage("app/web is restarting: the spec pauses the app for a snapshot"
            + " (backup.pause_containers) while each of its containers runs or has ended; try"
            + " again once it has settled, or tugboat snapshot create --stop stops it for the"
            + " snapshot");
    assertThat(pauseCalls()).isEmpty();

    // --stop: what it takes; a stop when the app cannot be paused now
    SnapshotResult stopped = desk.create(true).join();
    assertThat(stopped.message()).startsWith("stopped run ").contains("; snapshot ")
        .doesNotContain("paused");
    assertThat(control.calls).containsSubsequence("stop: a snapshot was asked with --stop",
        "start");

    make(Files.writeString(dir.resolve("app.yml"), V1 + "backup:\n  pause_all: false\n"), 2);
    control.phase = AppPhase.STARTED;
    assertThatThrownBy(() -> desk.create(false)).isInstanceOf(AppRefusal.class)
        .hasMessageContaining("a consistent snapshot needs it stopped");
    assertThat(pauseCalls()).isEmpty();
  }

  @Test
  void aContainerThatExitedBeforeItsPauseFailsTheSnapshotAndTheOthersRunOn() throws Exception {
    make(Files.writeString(dir.resolve("app.yml"), PAUSING), 2);
    control.start();
    RunStatus.ContainerStatus web = instance("app/web", "running");
    control.containers = List.of(instance("db/postgres", "running"), web);
    // the run still shows it running: its exit is on the way
    runtime.stop(dev.tugboat.runtime.ContainerId.of(web.containerId()), Duration.ZERO);

    assertThatThrownBy(() -> desk.create(false).join()).cause()
        .isInstanceOfSatisfying(AppRefusal.class,
            e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessageStartingWith("app/web did not pause (it is exited), so no consistent copy"
            + " could be made; try again once the app has settled; run run-1 was paused for ")
        .hasMessageEndingWith(" s; the app runs on");
    assertThat(pauseCalls()).containsExactly("pause demo-db-postgres", "pause demo-app-web",
        "unpause demo-db-postgres", "unpause demo-app-web");
    assertThat(volumes.calls()).noneMatch(call -> call.startsWith("read"));
    assertThat(store.list()).isEmpty();
    assertThat(Files.list(store.dir()).toList()).as("no unfinished snapshot left").isEmpty();
  }

  @Test
  void aDaemonThatClosesDuringAPausedCopyLetsTheAppRunOn() throws Exception {
    make(Files.writeString(dir.resolve("app.yml"), PAUSING), 2);
    control.start();
    RunStatus.ContainerStatus db = instance("db/postgres", "running");
    control.containers = List.of(db);
    closeDuringCopy = true;

    desk.create(false).join();

    assertThat(copiedAfter).containsExactly("unpause demo-db-postgres");
    assertThat(runtime.inspect(dev.tugboat.runtime.ContainerId.of(db.containerId()))
        .orElseThrow().state()).isEqualTo(dev.tugboat.runtime.ContainerState.RUNNING);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("the daemon stops during a"
        + " snapshot: resuming the 1 container it paused");
    assertThat(state.resolve(SnapshotPause.FILE)).doesNotExist();
  }

  @Test
  void whetherToPauseIsDecidedOnlyForASnapshotOfTheRunningApp() throws Exception {
    String spec = V1.replace("components:\n", """
        config:
        - name: backups
          items:
          - {name: pausing, type: text, default: maybe}
        backup:
          pause_containers: '{{repl ConfigOption "pausing"}}'
        components:
        """);
    make(Files.writeString(dir.resolve("app.yml"), spec), 2);

    assertThat(manifestOf(desk.create(false).join()).volumes()).hasSize(1);
    String two = spec.replace("version: \"1\"", "version: \"2\"").replace("version: 1",
        "version: 2");
    ApplyResult applied = upgrade.apply("v2.yml", two.getBytes(StandardCharsets.UTF_8), false)
        .join();
    assertThat(applied.message()).contains("snapshot ").contains(" of the data taken: ");
    control.containers = List.of(instance("db/postgres", "running"));
    assertThatThrownBy(() -> desk.create(false)).isInstanceOf(AppRefusal.class)
        .hasMessageStartingWith("the spec's backup.pause_containers gave 'maybe'; it must give"
            + " true or false");
  }

  @Test
  void containersADaemonThatDiedLeftPausedRunOnAtTheNextStart() throws Exception {
    RunStatus.ContainerStatus db = instance("db/postgres", "running");
    dev.tugboat.runtime.ContainerId id = dev.tugboat.runtime.ContainerId.of(db.containerId());
    runtime.pause(id);
    Files.writeString(state.resolve(SnapshotPause.FILE), db.containerId() + "\ngone-container\n");

    desk.resumeLeftPaused();

    assertThat(runtime.inspect(id).orElseThrow().state())
        .isEqualTo(dev.tugboat.runtime.ContainerState.RUNNING);
    assertThat(state.resolve(SnapshotPause.FILE)).doesNotExist();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("a snapshot the last daemon did"
        + " not finish paused 2 containers: resuming them");
    desk.resumeLeftPaused();
    assertThat(pauseCalls()).as("nothing noted, nothing asked").containsExactly(
        "pause demo-db-postgres", "unpause demo-db-postgres");
  }

  @Test
  void dataThatCannotBeKeptRefusesTheUpgradeBeforeAnythingStops() throws Exception {
    make(Files.writeString(dir.resolve("sys.yml"), mountingForWriting("/etc")), 2);

    for (boolean dryRun : new boolean[] {true, false}) {
      assertThatThrownBy(() -> upgrade.apply("v2.yml", V2.getBytes(StandardCharsets.UTF_8),
          dryRun)).isInstanceOfSatisfying(AppRefusal.class,
              e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
          .hasMessageStartingWith("host path /etc, which db/postgres mounts for writing at /x,"
              + " cannot be kept in a snapshot: ")
          .hasMessageEndingWith("; the upgrade to demo 2 would stop at its snapshot, so nothing"
              + " was stopped or changed: apply again once the cause is fixed");
    }
    assertThat(control.calls).isEmpty();
    assertThat(specs.current().map(p -> {
      try {
        return Files.readString(p);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    })).hasValueSatisfying(text -> assertThat(text).contains("host_path: /etc"));
  }

  @Test
  void dataFoundUnkeepableOnceTheAppStoppedEndsTheUpgradeWithTheAppShownFailed()
      throws Exception {
    make(Files.writeString(dir.resolve("sys.yml"), mountingForWriting("/etc")), 2);

    // what the check before the stop found too, should it appear only after it
    assertThatThrownBy(() -> desk.beforeUpgrade("demo 2").join()).cause()
        .isInstanceOfSatisfying(AppRefusal.class,
            e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.FAILED))
        .hasMessageStartingWith("host path /etc, which db/postgres mounts for writing at /x,"
            + " cannot be kept in a snapshot: ")
        .hasMessageEndingWith("; the upgrade to demo 2 was stopped before anything of it ran:"
            + " the spec in use is unchanged and the app is stopped (tugboat start starts it"
            + " again; apply again once the cause is fixed)");
    assertThat(control.calls).anyMatch(call -> call.startsWith("show: host path /etc"));
    assertThat(volumes.calls()).noneMatch(call -> call.startsWith("read"));
  }

  @Test
  void hostDirectoriesAreRefusedWhenTheEngineIsOnAnotherMachine() throws Exception {
    useHostsSpec(HOSTS);
    String id = desk.create(false).join().snapshot().id();
    volumes.remoteEngine();

    assertThatThrownBy(() -> desk.create(false)).isInstanceOf(AppRefusal.class)
        .hasMessageContaining("the Docker Engine is not on this machine");
    assertThatThrownBy(() -> desk.restore(id).join()).cause()
        .hasMessageStartingWith("snapshot " + id + " cannot be restored: ")
        .hasMessageContaining("the Docker Engine is not on this machine")
        .hasMessageEndingWith("; nothing was changed");
    assertThat(volumes.calls()).noneMatch(call -> call.startsWith("empty"));
  }

  @Test
  void aHostDirectoryNowAFileIsFoundBeforeAnythingIsEmptied() throws Exception {
    useHostsSpec(HOSTS);
    String id = desk.create(false).join().snapshot().id();
    volumes.kind("/srv/demo/uploads", dev.tugboat.runtime.HostPathKind.FILE);

    assertThatThrownBy(() -> desk.restore(id).join()).cause()
        .hasMessage("snapshot " + id + " cannot be restored: host path /srv/demo/uploads is now"
            + " a single file, the snapshot holds a directory: a restore empties a directory and"
            + " unpacks into it; move /srv/demo/uploads away (or make it a directory) and"
            + " restore again; nothing was changed");
    assertThat(volumes.calls()).noneMatch(call -> call.startsWith("empty"));
    assertThat(volumes.files(UPLOADS)).containsEntry("a.png", "png");
  }

  @Test
  void aVolumeHeldByAContainerNotOfTheAppIsFoundBeforeAnythingIsEmptied() throws Exception {
    String id = desk.create(false).join().snapshot().id();
    volumes.holders("pgdata", List.of(
        summary("demo-db-postgres", Map.of(dev.tugboat.orchestrator.InstanceLabels.APP, "demo")),
        summary("copy", Map.of(dev.tugboat.runtime.VolumeArchive.HELPER_LABEL, "true")),
        summary("backup-tool", Map.of())));

    assertThatThrownBy(() -> desk.restore(id).join()).cause()
        .hasMessage("snapshot " + id + " cannot be restored: volume pgdata is held by"
            + " backup-tool, not of the app: a restore removes the volume and makes it again,"
            + " which the engine refuses while a container holds it; remove that container"
            + " (docker rm) and restore again; nothing was changed");
    assertThat(volumes.calls()).noneMatch(call -> call.startsWith("empty"));

    volumes.holders("pgdata", List.of(
        summary("demo-db-postgres", Map.of(dev.tugboat.orchestrator.InstanceLabels.APP, "demo")),
        summary("copy", Map.of(dev.tugboat.runtime.VolumeArchive.HELPER_LABEL, "true"))));
    desk.restore(id).join();
    assertThat(volumes.calls()).contains("empty named-volume pgdata");
  }

  @Test
  void aRollbackWithDataRemovesTheStoppedContainersOfTheAppUnderItsOldAndNewName()
      throws Exception {
    upgrade.apply("v2.yml", V2.replace("name: demo", "name: Demo Two")
        .getBytes(StandardCharsets.UTF_8), false).join();
    for (String app : List.of("demo", "demo-two", "other")) {
      runtime.create(dev.tugboat.runtime.ContainerConfig.builder("postgres:15")
          .name(app + "-db").label(dev.tugboat.orchestrator.InstanceLabels.APP, app).build());
    }

    upgrade.rollback(true).join();

    assertThat(runtime.history()).contains("remove demo-db", "remove demo-two-db")
        .doesNotContain("remove other-db");
  }

  private static dev.tugboat.runtime.ContainerSummary summary(String name,
      Map<String, String> labels) {
    return new dev.tugboat.runtime.ContainerSummary(dev.tugboat.runtime.ContainerId.of(
        String.format("%064x", name.hashCode() & 0xffff)), name, "x", labels,
        dev.tugboat.runtime.ContainerState.EXITED);
  }

  private SnapshotManifest manifestOf(SnapshotResult result) {
    return store.find(result.snapshot().id()).orElseThrow();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(file)));
  }

  /** The volumes, with each read taking two seconds of the manual clock. */
  private final class StepClock extends ForwardingVolumes {
    private final ManualClock clock;

    StepClock(InMemoryVolumeArchive volumes, ManualClock clock) {
      super(volumes);
      this.clock = clock;
    }

    @Override
    public void read(DataMount data, String image, java.io.OutputStream tar) {
      if (full) {
        throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
      }
      if (closeDuringCopy) {
        desk.close();
      }
      runtime.history().stream().filter(call -> call.startsWith("pause ")
          || call.startsWith("unpause ")).reduce((a, b) -> b)
          .ifPresent(last -> copiedAfter.add(last));
      super.read(data, image, tar);
      clock.advance(Duration.ofSeconds(2));
    }
  }

  /** Stops and starts runs by name, and runs the copies at once, recording each. */
  private static final class RecordingControl implements SpecUpgrade.Control {
    final List<String> calls = new ArrayList<>();
    private int runs;
    private boolean running;

    @Override
    public CompletableFuture<ControlResult> stop(String reason) {
      calls.add("stop: " + reason);
      running = false;
      return CompletableFuture.completedFuture(new ControlResult("stopped",
          "stopped run run-" + (runs - 1 < 0 ? 0 : runs - 1)));
    }

    @Override
    public CompletableFuture<ControlResult> start() {
      calls.add("start");
      runs++;
      running = true;
      return CompletableFuture.completedFuture(new ControlResult("starting",
          "started run run-" + runs));
    }

    @Override
    public Optional<String> liveRunId() {
      return running ? Optional.of("run-" + runs) : Optional.empty();
    }

    /** The app's status while it runs: {@code phase}, with these containers' instances. */
    AppPhase phase = AppPhase.STARTED;
    List<RunStatus.ContainerStatus> containers = List.of();
    final List<String> progress = new ArrayList<>();

    @Override
    public AppSnapshot status() {
      if (!running) {
        return AppSnapshot.idle("demo", "1", "stopped");
      }
      RunStatus run = new RunStatus("run-" + runs, "demo", phase, phase.label(), 1,
          java.time.Instant.EPOCH, false, containers, List.of());
      return new AppSnapshot("demo", "1", phase, phase.label(), null, "", java.time.Instant.EPOCH,
          run);
    }

    @Override
    public void showProgress(String message) {
      progress.add(message);
    }

    @Override
    public <T> CompletableFuture<T> offSupervisor(Supplier<T> work) {
      calls.add("off the supervisor");
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
