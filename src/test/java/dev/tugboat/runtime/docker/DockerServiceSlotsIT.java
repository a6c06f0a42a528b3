package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.EventFilter;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.runtime.Protocol;
import dev.tugboat.runtime.RecordedEvents;
import dev.tugboat.runtime.RuntimeEvent;
import dev.tugboat.runtime.ServicePlacement;
import dev.tugboat.runtime.StreamEnd;
import dev.tugboat.runtime.Subscription;
import dev.tugboat.swarm.TestSwarm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clustered containers on a real three-node swarm (scripts/swarm/cluster.sh, as SwarmNodesIT
 * brings it up): a two-slot service constrained to tagged nodes runs there and answers on its
 * nodes' addresses, a one-slot job runs to exit 0 and says so in an event, stop scales to 0 and
 * remove removes. Every name is unique; what a test made is removed, and the cluster is taken down
 * only if this test brought it up.
 */
class DockerServiceSlotsIT {

  private static final List<String> WORKERS = List.of("tugboat-worker-1", "tugboat-worker-2");
  private static final String SLOT_LABEL = "dev.tugboat.instance";

  private final String unique = Long.toHexString(System.nanoTime());
  private final String app = "it-slots-" + unique;
  private final String tag = "it" + unique;
  private final String network = "tugboat-it-net-" + unique;
  private DockerRuntime docker;
  private DockerServiceSlots slots;

  @BeforeAll
  static void clusterUp() throws Exception {
    TestSwarm.up();
  }

  @BeforeEach
  void connect() {
    docker = DockerRuntime.connect(Optional.empty());
    slots = docker.serviceSlots();
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (String service : docker("service", "ls", "-q", "--filter", "label=dev.tugboat.app=" + app)
        .lines().toList()) {
      docker("service", "rm", service);
    }
    for (String worker : WORKERS) {
      if (docker("node", "inspect", "--format", "{{json .Spec.Labels}}", worker)
          .contains("dev.tugboat.tag." + tag)) {
        docker("node", "update", "--label-rm", "dev.tugboat.tag." + tag, worker);
      }
    }
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
      slots.removeNetwork(network);
      return true;
    });
    docker.close();
  }

  private ContainerConfig config(ServicePlacement placement, List<String> cmd, int hostPort) {
    var builder = ContainerConfig.builder("tugboat-test/busybox:1")
        .labels(Map.of("dev.tugboat.app", app, SLOT_LABEL, String.valueOf(placement.slot())))
        .cmd(cmd).stopTimeout(Duration.ofSeconds(2)).placement(placement);
    if (hostPort > 0) {
      builder.addPort(PortMapping.published(7000, Protocol.TCP, hostPort));
    }
    return builder.build();
  }

  @Test
  void aTaggedServiceRunsOnTaggedNodesAnswersThereStopsAndIsRemoved() throws Exception {
    for (String worker : WORKERS) {
      docker("node", "update", "--label-add", "dev.tugboat.tag." + tag + "=true", worker);
    }
    String service = app + "_web";
    int port = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
    List<String> httpd = List.of("sh", "-c", "echo slot-$SLOT > /tmp/index.html"
        + " && exec httpd -f -p 7000 -h /tmp");
    ServicePlacement first = new ServicePlacement(service, 2, 1,
        List.of("node.labels.dev.tugboat.tag." + tag + "==true"), false,
        ServicePlacement.Restart.ANY, 0, network, SLOT_LABEL);
    ContainerId one = slots.create(config(first, httpd, port));
    ContainerId two = slots.create(config(first.forSlot(2), httpd, port));
    RecordedEvents events = new RecordedEvents();
    try (Subscription watch = slots.subscribe(EventFilter.labelled(Map.of("dev.tugboat.app", app)),
        events)) {
      long started = System.nanoTime();
      slots.start(one);
      slots.start(two);
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
          slots.inspect(one).filter(ContainerInfo::isRunning).isPresent()
              && slots.inspect(two).filter(ContainerInfo::isRunning).isPresent());
      System.out.println("two-slot service: started to both slots running in "
          + (System.nanoTime() - started) / 1_000_000 + " ms");
      List<String> workerAddresses = WORKERS.stream().map(w -> uncheckedDocker("node", "inspect",
          "--format", "{{.Status.Addr}}", w).strip()).toList();
      for (ContainerId id : List.of(one, two)) {
        ContainerInfo info = slots.inspect(id).orElseThrow();
        assertThat(info.ipAddress()).as("the node of " + info.name()).get()
            .isIn(workerAddresses);
        assertThat(info.labels()).containsEntry("dev.tugboat.app", app)
            .containsKey(SLOT_LABEL);
        assertThat(info.publishedPorts()).singleElement().satisfies(p -> {
          assertThat(p.hostPort()).isEqualTo(port);
          assertThat(p.hostAddress()).isEqualTo(info.ipAddress().orElseThrow());
        });
        String address = info.ipAddress().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
            .ignoreExceptions().until(() -> get("http://" + address + ":" + port + "/")
                .startsWith("slot-"));
      }
      assertThat(slots.inspect(one).orElseThrow().ipAddress())
          .isNotEqualTo(slots.inspect(two).orElseThrow().ipAddress());
      assertThat(slots.listByLabels(Map.of("dev.tugboat.app", app)))
          .extracting(ContainerSummary::name, ContainerSummary::state)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(service + ".1", ContainerState.RUNNING),
              org.assertj.core.groups.Tuple.tuple(service + ".2", ContainerState.RUNNING));
      await().atMost(Duration.ofSeconds(10)).until(() -> events.count("Started") == 2);

      long stopping = System.nanoTime();
      slots.stop(one, Duration.ofSeconds(2));
      System.out.println("two-slot service: stop (scale to 0) returned in "
          + (System.nanoTime() - stopping) / 1_000_000 + " ms");
      assertThat(docker("service", "inspect", "--format", "{{.Spec.Mode.Replicated.Replicas}}",
          service).strip()).isEqualTo("0");
      assertThat(slots.inspect(one).orElseThrow().state()).isEqualTo(ContainerState.EXITED);
      await().atMost(Duration.ofSeconds(60)).until(() -> events.count("Died") == 2);
      assertThat(events.count("Started")).isEqualTo(2);

      slots.remove(one);
      slots.remove(two);
      assertThat(docker("service", "ls", "-q", "--filter", "name=" + service)).isBlank();
      assertThat(slots.inspect(one)).isEmpty();
      await().atMost(Duration.ofSeconds(10)).until(() -> events.count("Destroyed") == 2);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> !events.ends.isEmpty());
    assertThat(events.ends).containsExactly(new StreamEnd.Closed());
  }

  @Test
  void aJobRunsOnceToItsExitAndItsSlotSaysSo() throws Exception {
    String service = app + "_migrate";
    ServicePlacement placement = new ServicePlacement(service, 1, 1, List.of(), true,
        ServicePlacement.Restart.NONE, 0, network, "");
    ContainerId id = slots.create(config(placement, List.of("sh", "-c", "echo migrated"), 0));
    RecordedEvents events = new RecordedEvents();
    try (Subscription watch = slots.subscribe(EventFilter.labelled(Map.of("dev.tugboat.app", app)),
        events)) {
      long started = System.nanoTime();
      slots.start(id);
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
          .until(() -> events.count("Died") == 1);
      System.out.println("one-slot job: start to its died event in "
          + (System.nanoTime() - started) / 1_000_000 + " ms");
      RuntimeEvent died = events.events.stream().filter(e -> e instanceof RuntimeEvent.Died)
          .findFirst().orElseThrow();
      assertThat(((RuntimeEvent.Died) died).exitCode()).isZero();
      assertThat(died.container().id()).isEqualTo(id);
      assertThat(died.container().name()).isEqualTo(service + ".1");
      assertThat(events.count("Started")).isEqualTo(1);
      ContainerInfo info = slots.inspect(id).orElseThrow();
      assertThat(info.state()).isEqualTo(ContainerState.EXITED);
      assertThat(info.exitCode()).hasValue(0);
      assertThat(slots.logs(id, 10)).extracting(dev.tugboat.runtime.LogLine::text)
          .contains("migrated");
      slots.remove(id);
      assertThat(slots.inspect(id)).isEmpty();
    }
  }

  @Test
  void aFailedJobIsNotRunAgainUnderRestartNone() throws Exception {
    String service = app + "_fails";
    ServicePlacement placement = new ServicePlacement(service, 1, 1, List.of(), true,
        ServicePlacement.Restart.NONE, 0, network, "");
    ContainerId id = slots.create(config(placement, List.of("sh", "-c", "exit 3"), 0));
    slots.start(id);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
        slots.inspect(id).filter(i -> i.state() == ContainerState.EXITED).isPresent());
    assertThat(slots.inspect(id).orElseThrow().exitCode()).hasValue(3);
    // Swarm reran such a task every ~5 s (its restart delay) when attempts were not capped:
    // after 12 s there is still one task.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
    while (System.nanoTime() < until) {
      assertThat(docker("service", "ps", "-q", service).lines().count()).isEqualTo(1);
      Thread.sleep(500);
    }
    slots.remove(id);
  }

  @Test
  void aSlotMovedOffANodeThatWentAwayStartsOnItsNewNodeAndDoesNotDie() throws Exception {
    String service = app + "_moved";
    ServicePlacement first = new ServicePlacement(service, 2, 1, List.of(), false,
        ServicePlacement.Restart.ANY, 0, network, SLOT_LABEL);
    List<String> sleep = List.of("sleep", "3600");
    ContainerId one = slots.create(config(first, sleep, 0));
    ContainerId two = slots.create(config(first.forSlot(2), sleep, 0));
    RecordedEvents events = new RecordedEvents();
    String killed = null;
    try (Subscription watch = slots.subscribe(EventFilter.labelled(Map.of("dev.tugboat.app", app)),
        events)) {
      slots.start(one);
      slots.start(two);
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
          .until(() -> events.count("Started") == 2);
      // Two tasks, one per node, on three nodes: at least one runs on a worker.
      Map<String, Integer> workerOfAddress = Map.of(
          uncheckedDocker("node", "inspect", "--format", "{{.Status.Addr}}", WORKERS.get(0))
              .strip(), 1,
          uncheckedDocker("node", "inspect", "--format", "{{.Status.Addr}}", WORKERS.get(1))
              .strip(), 2);
      ContainerId moved = List.of(one, two).stream().filter(id -> workerOfAddress.containsKey(
          slots.inspect(id).orElseThrow().ipAddress().orElse(""))).findFirst().orElseThrow();
      String before = slots.inspect(moved).orElseThrow().ipAddress().orElseThrow();
      killed = "tugboat-swarm-worker-" + workerOfAddress.get(before);
      long kill = System.nanoTime();
      docker("kill", killed);
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
          slots.inspect(moved).filter(ContainerInfo::isRunning)
              .flatMap(ContainerInfo::ipAddress).filter(a -> !a.equals(before)).isPresent());
      System.out.println("a slot on a killed node runs elsewhere after "
          + (System.nanoTime() - kill) / 1_000_000 + " ms");
      // The moved slot started once more, on its new node; eight looks later no slot died.
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
          .until(() -> events.count("Started") == 3);
      Thread.sleep(2_000);
      assertThat(events.count("Died")).isZero();
      assertThat(events.count("Started")).isEqualTo(3);
      assertThat(events.events.get(events.events.size() - 1).container().id()).isEqualTo(moved);
      assertThat(slots.listByLabels(Map.of("dev.tugboat.app", app)))
          .extracting(ContainerSummary::state)
          .containsExactly(ContainerState.RUNNING, ContainerState.RUNNING);
      slots.remove(one);
    } finally {
      if (killed != null) {
        TestSwarm.up(); // repairs the swarm after the worker's kill
      }
    }
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
    return answer.body();
  }

  private static String uncheckedDocker(String... args) {
    try {
      return docker(args);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String docker(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "docker";
    System.arraycopy(args, 0, command, 1, args.length);
    return run(command);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

}
