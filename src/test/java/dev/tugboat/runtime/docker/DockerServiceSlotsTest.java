package dev.tugboat.runtime.docker;

import static dev.tugboat.runtime.docker.FakeSwarmState.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.EventFilter;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.runtime.Protocol;
import dev.tugboat.runtime.PublishedPort;
import dev.tugboat.runtime.RecordedEvents;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.ServicePlacement;
import dev.tugboat.runtime.ServiceSlot;
import dev.tugboat.runtime.StreamEnd;
import dev.tugboat.runtime.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clustered containers as Swarm service slots, over docker-java's real transport against a fake
 * swarm: the service a first start makes (once), what a slot's tasks make of it, the listing, the
 * events polled from the tasks, and stop.
 */
class DockerServiceSlotsTest {

  private static final String SLOT_LABEL = "dev.tugboat.instance";
  private static final String T0 = "2026-01-02T03:04:05.000000001Z";
  private static final String T1 = "2026-01-02T03:04:06Z";
  private static final String T2 = "2026-01-02T03:04:07Z";

  @TempDir Path dir;
  private final FakeSwarmState swarm = new FakeSwarmState();
  private FakeSwarmEngine engine;
  private DockerRuntime runtime;
  private DockerServiceSlots slots;

  private DockerServiceSlots connect() throws Exception {
    return connect(Duration.ofSeconds(10));
  }

  private DockerServiceSlots connect(Duration deadline) throws Exception {
    Path socket = dir.resolve("docker.sock");
    engine = new FakeSwarmEngine(socket, swarm::answer);
    runtime = DockerRuntime.connect(new DockerHost("unix://" + socket),
        new DockerDeadlines(deadline, deadline, deadline, 16));
    slots = runtime.serviceSlots(Clock.systemUTC(), Duration.ofMillis(20));
    return slots;
  }

  @AfterEach
  void stop() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  private static ServicePlacement placement(int replicas, int slot, boolean job,
      ServicePlacement.Restart restart) {
    return new ServicePlacement("shop_cassandra", replicas, slot,
        List.of("node.labels.dev.tugboat.tag.db==true"), job, restart, 0, "shop_overlay",
        SLOT_LABEL);
  }

  private static ContainerConfig config(ServicePlacement placement) {
    return ContainerConfig.builder("tugboat-test/busybox:1")
        .labels(Map.of("dev.tugboat.app", "shop", "dev.tugboat.container", "cassandra",
            SLOT_LABEL, String.valueOf(placement.slot())))
        .cmd(List.of("httpd", "-f", "-p", "7000"))
        .entrypoint(List.of("/bin/sh", "-c"))
        .env(Map.of("SEEDS", "a,b"))
        .addPort(PortMapping.published(7000, Protocol.TCP, 17000))
        .addPort(PortMapping.exposed(7001, Protocol.TCP))
        .addMount(new Mount.Volume("shop_data", "/data", false))
        .addMount(new Mount.Bind("/etc/shop", "/etc/shop", true))
        .user("999").hostname("cassandra").stopTimeout(Duration.ofSeconds(7))
        .memoryBytes(64L << 20)
        .logging(new dev.tugboat.runtime.ContainerLogging("local", java.util.Map.of("max-size",
            "5m")))
        .placement(placement).build();
  }

  private ContainerId createSlots(int replicas, boolean job, ServicePlacement.Restart restart) {
    ContainerId first = null;
    for (int n = 1; n <= replicas; n++) {
      ContainerId id = slots.create(config(placement(replicas, n, job, restart)));
      assertThat(id).isEqualTo(new ServiceSlot("shop_cassandra", n).id());
      first = first == null ? id : first;
    }
    return first;
  }

  private static ContainerId slot(int n) {
    return new ServiceSlot("shop_cassandra", n).id();
  }

  @Test
  void theFirstStartOfAnySlotMakesTheServiceOnceWithTheContainersSpec() throws Exception {
    connect();
    createSlots(3, false, ServicePlacement.Restart.NONE);
    assertThat(engine.requests()).noneMatch(r -> r.startsWith("POST"));
    assertThat(slots.inspect(slot(2))).get()
        .extracting(ContainerInfo::state).isEqualTo(ContainerState.CREATED);

    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Void>> starts = List.of(1, 2, 3).stream()
        .map(n -> CompletableFuture.runAsync(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          slots.start(slot(n));
        })).toList();
    go.countDown();
    CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(engine.requests().stream().filter(r -> r.startsWith("POST /services/create")))
        .hasSize(1);
    assertThat(swarm.networks()).containsExactly("shop_overlay");
    assertThat(engine.requests()).anyMatch(r -> r.startsWith("POST /networks/create")
        && r.contains("\"Driver\":\"overlay\"") && r.contains("\"Attachable\":true")
        && r.contains("\"dev.tugboat.app\":\"shop\""));
    JsonNode spec = swarm.service("shop_cassandra").path("Spec");
    assertThat(spec.path("Labels").path(SLOT_LABEL).isMissingNode()).isTrue();
    assertThat(spec.path("Labels").path("dev.tugboat.container").asText()).isEqualTo("cassandra");
    assertThat(spec.path("Labels").path("dev.tugboat.swarm.replicas").asText()).isEqualTo("3");
    assertThat(spec.path("Labels").path("dev.tugboat.swarm.slot-label").asText())
        .isEqualTo(SLOT_LABEL);
    JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
    assertThat(container.path("Image").asText()).isEqualTo("tugboat-test/busybox:1");
    assertThat(container.path("Labels").path(SLOT_LABEL).isMissingNode()).isTrue();
    // A task's container on the daemon's node must not pass for one of the run's containers.
    assertThat(container.path("Labels").fieldNames()).toIterable()
        .noneMatch(key -> key.startsWith("dev.tugboat."));
    assertThat(container.path("Command").toString()).isEqualTo("[\"/bin/sh\",\"-c\"]");
    assertThat(container.path("Args").toString()).isEqualTo("[\"httpd\",\"-f\",\"-p\",\"7000\"]");
    assertThat(container.path("Env").toString()).isEqualTo("[\"SEEDS=a,b\"]");
    assertThat(container.path("User").asText()).isEqualTo("999");
    assertThat(container.path("Hostname").asText()).isEqualTo("cassandra");
    assertThat(container.path("StopGracePeriod").asLong()).isEqualTo(7_000_000_000L);
    assertThat(container.path("Mounts").toString()).isEqualTo("[{\"Type\":\"volume\","
        + "\"Source\":\"shop_data\",\"Target\":\"/data\",\"ReadOnly\":false},{\"Type\":\"bind\","
        + "\"Source\":\"/etc/shop\",\"Target\":\"/etc/shop\",\"ReadOnly\":true}]");
    JsonNode template = spec.path("TaskTemplate");
    assertThat(template.path("Resources").path("Limits").path("MemoryBytes").asLong())
        .isEqualTo(64L << 20);
    assertThat(template.path("RestartPolicy").toString())
        .isEqualTo("{\"Condition\":\"none\",\"MaxAttempts\":1}");
    assertThat(template.path("LogDriver").toString())
        .isEqualTo("{\"Name\":\"local\",\"Options\":{\"max-size\":\"5m\"}}");
    assertThat(template.path("Placement").toString()).isEqualTo("{\"Constraints\":"
        + "[\"node.labels.dev.tugboat.tag.db==true\"],\"MaxReplicas\":1}");
    assertThat(template.path("Networks").toString()).isEqualTo("[{\"Target\":\"shop_overlay\"}]");
    assertThat(spec.path("Mode").toString()).isEqualTo("{\"Replicated\":{\"Replicas\":3}}");
    assertThat(spec.path("EndpointSpec").toString()).isEqualTo("{\"Mode\":\"dnsrr\",\"Ports\":"
        + "[{\"Protocol\":\"tcp\",\"TargetPort\":7000,\"PublishedPort\":17000,"
        + "\"PublishMode\":\"host\"}]}");

    // started again (harmless), and the existing network is reused
    slots.start(slot(1));
    assertThat(engine.requests().stream().filter(r -> r.startsWith("POST"))).hasSize(2);
  }

  @Test
  void anEphemeralContainerIsAReplicatedJobThatRunsOnceAndItsFilesAreConfigs() throws Exception {
    connect();
    ContainerId id = createSlots(1, true, ServicePlacement.Restart.NONE);
    slots.copyFiles(id, List.of(new FileToCopy("/etc/seed.conf",
        "seeds: a".getBytes(StandardCharsets.UTF_8), 0640, "999:998")));
    slots.start(id);
    JsonNode spec = swarm.service("shop_cassandra").path("Spec");
    assertThat(spec.path("Mode").toString())
        .isEqualTo("{\"ReplicatedJob\":{\"MaxConcurrent\":1,\"TotalCompletions\":1}}");
    assertThat(spec.path("TaskTemplate").path("RestartPolicy").path("MaxAttempts").asInt())
        .isEqualTo(SwarmServiceSpec.NO_RESTART_ATTEMPTS);
    JsonNode file = spec.path("TaskTemplate").path("ContainerSpec").path("Configs").get(0);
    assertThat(file.path("File").toString()).isEqualTo("{\"Name\":\"/etc/seed.conf\","
        + "\"UID\":\"999\",\"GID\":\"998\",\"Mode\":416}");
    assertThat(file.path("ConfigName").asText()).startsWith("shop_cassandra-");
    assertThat(engine.requests()).anyMatch(r -> r.startsWith("POST /configs/create")
        && r.contains("\"Data\":\"c2VlZHM6IGE=\"")
        && r.contains("\"dev.tugboat.swarm.service\":\"shop_cassandra\""));

    slots.remove(id);
    assertThat(swarm.service("shop_cassandra")).isNull();
    assertThat(swarm.configCount()).isZero();
    slots.remove(id); // harmless
    assertThat(slots.inspect(id)).isEmpty();
  }

  @Test
  void aSlotWhoseConfigWasNotCreatedSinceTheDaemonStartedCannotStart() throws Exception {
    connect();
    assertThatThrownBy(() -> slots.start(slot(1)))
        .isInstanceOfSatisfying(RuntimeFailure.class,
            f -> assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.NO_SUCH_CONTAINER))
        .hasMessageContaining("create it again");
  }

  @Test
  void aSlotIsItsCurrentTask() throws Exception {
    connect();
    createSlots(3, false, ServicePlacement.Restart.NONE);
    slots.start(slot(1));
    ObjectNode running = task("t2", "shop_cassandra", 1, "w1", "running", "running", T1);
    running.with("Status").putObject("PortStatus").putArray("Ports").addObject()
        .put("Protocol", "tcp").put("TargetPort", 7000).put("PublishedPort", 17000)
        .put("PublishMode", "host");
    ObjectNode failed = task("t3", "shop_cassandra", 2, "m1", "failed", "shutdown", T1);
    failed.with("Status").with("ContainerStatus").put("ExitCode", 3);
    swarm.tasks(task("t1", "shop_cassandra", 1, "w2", "shutdown", "shutdown", T0), running,
        failed, task("t4", "shop_cassandra", 3, "w2", "preparing", "running", T2));

    ContainerInfo one = slots.inspect(slot(1)).orElseThrow();
    assertThat(one.name()).isEqualTo("shop_cassandra.1");
    assertThat(one.image()).isEqualTo("tugboat-test/busybox:1");
    assertThat(one.state()).isEqualTo(ContainerState.RUNNING);
    assertThat(one.ipAddress()).contains("172.17.0.2");
    assertThat(one.publishedPorts())
        .containsExactly(new PublishedPort(7000, Protocol.TCP, "172.17.0.2", 17000));
    assertThat(one.labels()).containsEntry(SLOT_LABEL, "1").containsEntry("dev.tugboat.app", "shop")
        .doesNotContainKey("dev.tugboat.swarm.replicas");
    assertThat(one.startedAt()).contains(java.time.Instant.parse(T1));

    ContainerInfo two = slots.inspect(slot(2)).orElseThrow();
    assertThat(two.state()).isEqualTo(ContainerState.EXITED);
    assertThat(two.exitCode()).hasValue(3);
    assertThat(two.ipAddress()).isEmpty();
    assertThat(slots.inspect(slot(3)).orElseThrow().state()).isEqualTo(ContainerState.CREATED);
    assertThat(slots.inspect(slot(4))).isEmpty();
    assertThat(slots.inspect(new ServiceSlot("no_such", 1).id())).isEmpty();
  }

  @Test
  void theListingHasOneLinePerSlotWithItsLabels() throws Exception {
    connect();
    createSlots(2, false, ServicePlacement.Restart.ANY);
    slots.start(slot(1));
    swarm.tasks(task("t1", "shop_cassandra", 1, "w1", "running", "running", T1));
    List<ContainerSummary> all = slots.listByLabels(Map.of("dev.tugboat.app", "shop"));
    assertThat(all).extracting(ContainerSummary::name)
        .containsExactly("shop_cassandra.1", "shop_cassandra.2");
    assertThat(all).extracting(ContainerSummary::state)
        .containsExactly(ContainerState.RUNNING, ContainerState.CREATED);
    assertThat(all.get(1).labels()).containsEntry(SLOT_LABEL, "2");
    assertThat(slots.listByLabels(Map.of(SLOT_LABEL, "2"))).extracting(ContainerSummary::id)
        .containsExactly(slot(2));
    assertThat(slots.listByLabels(Map.of("dev.tugboat.app", "other"))).isEmpty();
  }

  @Test
  void anEngineInNoSwarmIsNotAskedForServicesItWouldRefuseAndRetry() throws Exception {
    connect();
    swarm.leaveSwarm();

    assertThat(slots.listByLabels(Map.of("dev.tugboat.app", "shop"))).isEmpty();
    assertThat(slots.listByLabels(Map.of())).isEmpty();

    assertThat(engine.requests()).containsExactly("GET /info");
  }

  @Test
  void aServiceRemovedBetweenTheWatchsTwoListingsIsReportedDestroyedAndTheWatchGoesOn()
      throws Exception {
    connect();
    createSlots(2, false, ServicePlacement.Restart.ANY);
    slots.start(slot(1)); // the service is made by its first start
    RecordedEvents events = new RecordedEvents();
    try (Subscription watch = slots.subscribe(
        EventFilter.labelled(Map.of("dev.tugboat.app", "shop")), events)) {
      pollsPass(); // the first look only learns what is there
      // listed with its services, gone when its tasks are asked: the engine answers 404
      swarm.beforeNextTaskListing(() -> swarm.removeService("shop_cassandra"));
      await().atMost(Duration.ofSeconds(10)).until(() -> events.count("Destroyed") == 2);
      assertThat(events.said()).containsExactlyInAnyOrder("Destroyed shop_cassandra.1",
          "Destroyed shop_cassandra.2");
      pollsPass();
      assertThat(events.ends).as("the watch must not end on the removal it reports").isEmpty();
    }
  }

  @Test
  void eventsSayASlotStartedOnEachNodeItRunsOnAndNotThatItDiedWhileSwarmMovesIt() throws Exception {
    connect();
    createSlots(2, false, ServicePlacement.Restart.ANY);
    slots.start(slot(1));
    RecordedEvents events = new RecordedEvents();
    try (Subscription watch = slots.subscribe(
        EventFilter.labelled(Map.of("dev.tugboat.app", "shop")), events)) {
      pollsPass(); // the first look only learns what is there
      swarm.tasks(task("a1", "shop_cassandra", 1, "w1", "running", "running", T0),
          task("b1", "shop_cassandra", 2, "w2", "running", "running", T0));
      await().atMost(Duration.ofSeconds(10)).until(() -> events.events.size() == 4);
      assertThat(events.said()).containsExactlyInAnyOrder("Created shop_cassandra.1",
          "Started shop_cassandra.1", "Created shop_cassandra.2", "Started shop_cassandra.2");
      assertThat(events.events.get(0).container().labels()).containsKey(SLOT_LABEL);

      // w1 went away: its task keeps its last state, Swarm wants it shut down, and a gap before
      // the replacement, which then runs on m1
      swarm.tasks(task("a1", "shop_cassandra", 1, "w1", "running", "shutdown", T0),
          task("b1", "shop_cassandra", 2, "w2", "running", "running", T0));
      pollsPass();
      swarm.tasks(task("a1", "shop_cassandra", 1, "w1", "running", "shutdown", T0),
          task("a2", "shop_cassandra", 1, "m1", "running", "running", T1),
          task("b1", "shop_cassandra", 2, "w2", "running", "running", T0));
      pollsPass();
      assertThat(events.said()).hasSize(5).endsWith("Started shop_cassandra.1");

      // stopped: scaled to 0, every task shut down
      swarm.tasks(task("a1", "shop_cassandra", 1, "w1", "running", "shutdown", T0),
          task("a2", "shop_cassandra", 1, "m1", "shutdown", "shutdown", T2),
          task("b1", "shop_cassandra", 2, "w2", "shutdown", "shutdown", T2));
      // the node that went away is not back: its old task never ends, slot 1 is not known dead
      pollsPass();
      assertThat(events.said()).containsSubsequence("Died shop_cassandra.2 0");
      assertThat(events.said()).doesNotContain("Died shop_cassandra.1 0");
      swarm.tasks(task("a1", "shop_cassandra", 1, "w1", "orphaned", "shutdown", T0),
          task("a2", "shop_cassandra", 1, "m1", "shutdown", "shutdown", T2),
          task("b1", "shop_cassandra", 2, "w2", "shutdown", "shutdown", T2));
      await().atMost(Duration.ofSeconds(10)).until(() -> events.events.size() == 7);
      assertThat(events.said()).endsWith("Died shop_cassandra.1 0");
      assertThat(events.events.get(6).time()).isEqualTo(java.time.Instant.parse(T2));

      slots.remove(slot(1));
      await().atMost(Duration.ofSeconds(10)).until(() -> events.events.size() == 9);
      assertThat(events.said().subList(7, 9)).containsExactlyInAnyOrder(
          "Destroyed shop_cassandra.1", "Destroyed shop_cassandra.2");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> !events.ends.isEmpty());
    assertThat(events.ends).containsExactly(new StreamEnd.Closed());
  }

  @Test
  void aTaskLostWithItsNodeUnderRestartNoneIsDeadSinceSwarmDoesNotReplaceIt() throws Exception {
    connect();
    createSlots(2, false, ServicePlacement.Restart.NONE);
    slots.start(slot(1));
    RecordedEvents events = new RecordedEvents();
    try (Subscription watch = slots.subscribe(EventFilter.all(), events)) {
      pollsPass();
      swarm.tasks(task("a1", "shop_cassandra", 1, "w1", "running", "running", T0),
          task("b1", "shop_cassandra", 2, "w2", "running", "running", T0));
      await().atMost(Duration.ofSeconds(10)).until(() -> events.events.size() == 4);
      // measured: w1 is marked down and its task keeps its last state, wanted shut down, and
      // with restart condition none no task replaces it
      swarm.firstWorkerDown();
      swarm.tasks(task("a1", "shop_cassandra", 1, "w1", "running", "shutdown", T0),
          task("b1", "shop_cassandra", 2, "w2", "running", "running", T0));
      await().atMost(Duration.ofSeconds(10)).until(() -> events.events.size() == 5);
      pollsPass();
      assertThat(events.said()).endsWith("Died shop_cassandra.1 " + SwarmSlotTasks.LOST)
          .hasSize(5);
      ContainerInfo lost = slots.inspect(slot(1)).orElseThrow();
      assertThat(lost.state()).isEqualTo(ContainerState.EXITED);
      assertThat(lost.exitCode()).hasValue(SwarmSlotTasks.LOST);
      assertThat(slots.inspect(slot(2)).orElseThrow().isRunning()).isTrue();
    }
  }

  @Test
  void closingTheRuntimeEndsItsSubscriptionsAndASilentEngineEndsOneAsFailed() throws Exception {
    connect(Duration.ofSeconds(1));
    RecordedEvents closed = new RecordedEvents();
    Subscription watch = slots.subscribe(EventFilter.all(), closed);
    pollsPass();
    slots.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> !closed.ends.isEmpty());
    assertThat(closed.ends).containsExactly(new StreamEnd.Closed());
    watch.close(); // harmless

    RecordedEvents failed = new RecordedEvents();
    try (Subscription broken = slots.subscribe(EventFilter.all(), failed)) {
      pollsPass();
      swarm.silent();
      await().atMost(Duration.ofSeconds(20)).until(() -> !failed.ends.isEmpty());
      assertThat(failed.ends).singleElement().isInstanceOfSatisfying(StreamEnd.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE));
    }
  }

  @Test
  void aJobsSlotDiesWithItsTasksExitCode() throws Exception {
    connect();
    createSlots(2, true, ServicePlacement.Restart.NONE);
    slots.start(slot(1));
    RecordedEvents events = new RecordedEvents();
    try (Subscription watch = slots.subscribe(EventFilter.all(), events)) {
      pollsPass();
      // a job numbers its tasks' slots from 0: 0 is the container's instance 1
      swarm.tasks(task("j1", "shop_cassandra", 0, "w1", "running", "complete", T0),
          task("j2", "shop_cassandra", 1, "w2", "starting", "complete", T0));
      await().atMost(Duration.ofSeconds(10)).until(() -> events.events.size() == 3);
      ObjectNode failed = task("j2", "shop_cassandra", 1, "w2", "failed", "shutdown", T1);
      failed.with("Status").with("ContainerStatus").put("ExitCode", 4);
      swarm.tasks(task("j1", "shop_cassandra", 0, "w1", "complete", "complete", T1), failed);
      await().atMost(Duration.ofSeconds(10)).until(() -> events.events.size() == 6);
      pollsPass();
      assertThat(events.said()).containsExactlyInAnyOrder("Created shop_cassandra.1",
          "Started shop_cassandra.1", "Created shop_cassandra.2", "Died shop_cassandra.1 0",
          "Started shop_cassandra.2", "Died shop_cassandra.2 4");
      assertThat(slots.inspect(slot(1)).orElseThrow().exitCode()).hasValue(0);
      assertThat(slots.inspect(slot(2)).orElseThrow().exitCode()).hasValue(4);
    }
    // a job is stopped by removing it: its slots are gone, not created again
    slots.stop(slot(1), Duration.ofSeconds(1));
    assertThat(swarm.service("shop_cassandra")).isNull();
    assertThat(slots.inspect(slot(1))).isEmpty();
    assertThat(slots.listByLabels(Map.of())).isEmpty();
  }

  @Test
  void stopScalesTheServiceToZeroAndWaitsForTheSlotsTaskAndStartScalesItBack() throws Exception {
    connect();
    createSlots(2, false, ServicePlacement.Restart.ANY);
    slots.start(slot(1));
    swarm.tasks(task("a1", "shop_cassandra", 1, "w1", "running", "running", T0));
    CompletableFuture<Void> stop = CompletableFuture.runAsync(
        () -> slots.stop(slot(1), Duration.ofSeconds(5)));
    await().atMost(Duration.ofSeconds(10)).until(() -> swarm.service("shop_cassandra")
        .path("Spec").path("Mode").path("Replicated").path("Replicas").asInt() == 0);
    pollsPass();
    assertThat(stop).isNotDone();
    swarm.tasks(task("a1", "shop_cassandra", 1, "w1", "shutdown", "shutdown", T1));
    stop.get(10, TimeUnit.SECONDS);
    assertThat(engine.requests()).anyMatch(r -> r.startsWith(
        "POST /services/id-shop_cassandra/update?version=1 "));
    // the service keeps everything else it was made with
    assertThat(swarm.service("shop_cassandra").path("Spec").path("EndpointSpec").path("Mode")
        .asText()).isEqualTo("dnsrr");

    // Swarm deletes the tasks a scale-down stopped: the slots are stopped, not new
    swarm.tasks();
    assertThat(slots.inspect(slot(1)).orElseThrow().state()).isEqualTo(ContainerState.EXITED);
    assertThat(slots.listByLabels(Map.of())).extracting(ContainerSummary::state)
        .containsExactly(ContainerState.EXITED, ContainerState.EXITED);
    slots.stop(slot(2), Duration.ofSeconds(5)); // already stopped: harmless
    slots.start(slot(2));
    assertThat(swarm.service("shop_cassandra").path("Spec").path("Mode").path("Replicated")
        .path("Replicas").asInt()).isEqualTo(2);
    slots.stop(new ServiceSlot("no_such", 1).id(), Duration.ofSeconds(1));
  }

  @Test
  void aTaskOnAnotherNodeCannotBeExecdAndTheMessageNamesItsNode() throws Exception {
    connect();
    createSlots(1, false, ServicePlacement.Restart.ANY);
    slots.start(slot(1));
    swarm.tasks(task("a1", "shop_cassandra", 1, "w1", "running", "running", T0));
    assertThatThrownBy(() -> slots.exec(slot(1), dev.tugboat.runtime.ExecRequest.of("true")))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("shop_cassandra.1")
        .hasMessageContaining("runs on node tugboat-worker-1");
  }

  /** A few looks (20 ms apart) of the watch, or of a stop, go by. */
  private void pollsPass() throws InterruptedException {
    int before = engine.requests().size();
    await().atMost(Duration.ofSeconds(10))
        .until(() -> engine.requests().stream().skip(before)
            .filter(r -> r.startsWith("GET /tasks") || r.startsWith("GET /services?"))
            .count() >= 6);
  }
}
