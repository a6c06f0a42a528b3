package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tugboat.swarm.TestSwarm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Cassandra-like app on the real three-node swarm, served by the built jar as an operator runs
 * it: a clustered ring of two tasks whose seed list names the nodes it may run on, a component
 * pinned by a tag to one worker, a one-off job once the ring listens on its nodes' port, then a
 * plain container on the daemon's host. Then a worker that runs a ring task stops: Swarm runs the
 * task on the free node, the app stays started, and no event fires twice, nor the job runs again.
 * Then the daemon is killed: a new one goes on with the same run, and makes nothing again.
 */
class SwarmClusterIT {

  private static final String WORKER_CONTAINER_PREFIX = "tugboat-swarm-worker-";

  @TempDir Path dir;

  @BeforeAll
  static void clusterUp() throws Exception {
    TestSwarm.up();
  }

  @Test
  void aClusteredAppRunsOnTheSwarmAndOutlivesAWorker() throws Exception {
    String app = TestSpecs.uniqueApp("it-ring");
    String tag = "pin-" + app.substring(app.lastIndexOf('-') + 1);
    int ringPort = TestSpecs.freePort();
    int apiPort = TestSpecs.freePort();
    String base = "http://127.0.0.1:" + apiPort;
    Path spec = TestSpecs.write(dir, "ring.yml",
        Map.of("APP", app, "PORT", String.valueOf(ringPort), "TAG", tag));
    Path config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + apiPort + "\nstate_dir: state\napp: " + spec
        + "\n");
    String ring = "tugboat-" + app + "-ring-tugboat-test-busybox";
    String tools = "tugboat-" + app + "-tools-tugboat-test-busybox";
    String schema = "tugboat-" + app + "-schema-tugboat-test-busybox";
    String stoppedWorker = null;
    DockerCli.run("node", "update", "--label-add", "dev.tugboat.tag." + tag + "=true",
        TestSwarm.WORKER_1);
    try (ServedDaemon daemon = ServedDaemon.serve(config, dir.resolve("state"), base)) {
      JsonNode status = daemon.awaitSettled(Duration.ofMinutes(3));
      assertThat(status.path("state").asText()).as(status.toPrettyString() + daemon.output())
          .isEqualTo("started");

      // Each clustered container is a service; the ring's two tasks on two nodes, the tool on
      // the tagged worker, the job run once.
      assertThat(runningNodes(ring)).hasSize(2).doesNotHaveDuplicates();
      assertThat(runningNodes(tools)).containsExactly(TestSwarm.WORKER_1);
      assertThat(tasks(schema)).containsExactly("Complete");
      // The seed list names the three nodes the ring may run on; each task serves it on its
      // node's address.
      List<JsonNode> ringSlots = containers(status, "ring");
      assertThat(ringSlots).hasSize(2).allSatisfy(slot -> {
        assertThat(slot.path("state").asText()).isEqualTo("running");
        assertThat(slot.path("instance").asText()).startsWith(ring + ".");
      });
      for (JsonNode slot : ringSlots) {
        String seeds = get("http://" + slot.path("node").asText() + ":" + ringPort + "/seeds");
        assertThat(seeds.strip().split(",")).hasSize(3)
            .allMatch(address -> address.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
      }
      assertThat(containers(status, "schema")).singleElement()
          .satisfies(job -> assertThat(job.path("exit_code").asInt()).isZero());
      assertThat(containers(status, "web")).singleElement()
          .satisfies(web -> assertThat(web.path("state").asText()).isEqualTo("running"));
      // The plain container on this host reaches the ring's tasks over the app's overlay
      // network, by the service's name.
      String web = DockerCli.containersOf(app).stream().filter(name -> name.contains("-web-"))
          .findFirst().orElseThrow();
      String answer = DockerCli.run("exec", web, "sh", "-c", "printf 'GET /seeds HTTP/1.0\\r\\n"
          + "\\r\\n' | nc -w 5 " + ring + " " + ringPort);
      assertThat(answer).startsWith("HTTP/1.1 200");
      assertThat(answer.lines().reduce((first, last) -> last).orElseThrow().split(","))
          .hasSize(3);
      Map<String, String> firedAt = firedAt(status);
      assertThat(firedAt).containsOnlyKeys("ring listens", "schema done");

      // A worker that runs a ring task goes away: Swarm runs the task on the free node.
      String victim = runningNodes(ring).stream()
          .filter(node -> node.startsWith("tugboat-worker-")).findFirst().orElseThrow();
      stoppedWorker = WORKER_CONTAINER_PREFIX + victim.substring("tugboat-worker-".length());
      String goneAddress = nodeAddress(victim);
      long stopped = System.nanoTime();
      DockerCli.run("stop", "--time", "1", stoppedWorker);
      String gone = victim;
      List<String> states = new ArrayList<>();
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
        states.add(daemon.status().path("state").asText());
        List<String> nodes = runningNodes(ring);
        return nodes.size() == 2 && !nodes.contains(gone);
      });
      System.out.println("ring task moved off " + victim + " and running again after "
          + (System.nanoTime() - stopped) / 1_000_000 + " ms");
      assertThat(states).as(daemon.output()).containsOnly("started");
      // The status shows the ring's tasks on the nodes they run on now.
      JsonNode after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
          .until(daemon::status, now -> containers(now, "ring").stream()
              .allMatch(slot -> slot.path("state").asText().equals("running")
                  && !slot.path("node").asText().equals(goneAddress)));
      assertThat(after.path("state").asText()).as(after.toPrettyString()).isEqualTo("started");
      assertThat(firedAt(after)).isEqualTo(firedAt);
      assertThat(tasks(schema)).containsExactly("Complete");
      assertThat(daemon.output().lines().filter(line -> line.contains("event \"")
          && line.contains("\" fired"))).hasSize(2);

      // The daemon dies: the services run on, and a new daemon goes on with the same run, finding
      // its slots by their services' labels; nothing is made again, nothing runs twice.
      String runId = after.path("run_id").asText();
      String services = serviceIds(app);
      daemon.kill();
      try (ServedDaemon again = ServedDaemon.serve(config, dir.resolve("state"), base)) {
        JsonNode resumed = again.awaitSettled(Duration.ofMinutes(2));
        assertThat(resumed.path("state").asText()).as(resumed.toPrettyString() + again.output())
            .isEqualTo("started");
        assertThat(resumed.path("run_id").asText()).isEqualTo(runId);
        assertThat(firedAt(resumed)).isEqualTo(firedAt);
        assertThat(containers(resumed, "ring")).hasSize(2)
            .allSatisfy(slot -> assertThat(slot.path("state").asText()).isEqualTo("running"));
        assertThat(serviceIds(app)).isEqualTo(services);
        assertThat(tasks(schema)).containsExactly("Complete");
        assertThat(again.output()).doesNotContain("\" fired");
      }
    } finally {
      cleanUp(app, tag, stoppedWorker != null);
    }
  }

  /**
   * Leaves the swarm as the test found it, as far as it can: a step that fails is printed, not
   * thrown, so that it hides no failure of the test itself.
   */
  private static void cleanUp(String app, String tag, boolean workerStopped) {
    List<String> problems = new ArrayList<>();
    try {
      if (workerStopped) {
        TestSwarm.up(); // starts the stopped worker anew and joins it
      }
    } catch (Exception | AssertionError e) {
      problems.add(e.toString());
    }
    try {
      DockerCli.removeApp(app);
      String services = DockerCli.run("service", "ls", "-q", "--filter",
          "label=dev.tugboat.app=" + app);
      for (String id : services.lines().filter(line -> !line.isBlank()).toList()) {
        DockerCli.run("service", "rm", id);
      }
      // A removed service's tasks leave the network a moment later.
      String network = "tugboat-" + app;
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
          DockerCli.run("network", "ls", "-q", "--filter", "name=" + network).isEmpty()
              || removed(network));
      // A worker made anew by the repair is a new node, without the tag.
      if (DockerCli.run("node", "inspect", "--format", "{{json .Spec.Labels}}",
          TestSwarm.WORKER_1).contains("dev.tugboat.tag." + tag)) {
        DockerCli.run("node", "update", "--label-rm", "dev.tugboat.tag." + tag,
            TestSwarm.WORKER_1);
      }
    } catch (Exception | AssertionError e) {
      problems.add(e.toString());
    }
    problems.forEach(problem -> System.err.println("SwarmClusterIT clean-up: " + problem));
  }

  private static boolean removed(String network) {
    try {
      DockerCli.run("network", "rm", network);
      return true;
    } catch (AssertionError | IOException | InterruptedException stillInUse) {
      return false;
    }
  }

  /** The address a node talks to the swarm from, as the status shows a task's node. */
  private static String nodeAddress(String hostname) throws IOException, InterruptedException {
    return DockerCli.run("node", "inspect", "--format", "{{.Status.Addr}}", hostname);
  }

  /** Hostnames of the nodes where the service's tasks run now. */
  private static List<String> runningNodes(String service) throws IOException,
      InterruptedException {
    return DockerCli.run("service", "ps", service, "--filter", "desired-state=running",
        "--format", "{{.Node}} {{.CurrentState}}").lines()
        .filter(line -> line.contains(" Running")).map(line -> line.substring(0,
            line.indexOf(' '))).toList();
  }

  /** The current state of each of the service's tasks, replaced ones included. */
  private static List<String> tasks(String service) throws IOException, InterruptedException {
    return DockerCli.run("service", "ps", service, "--format", "{{.CurrentState}}").lines()
        .map(state -> state.split(" ")[0]).toList();
  }

  private static List<JsonNode> containers(JsonNode status, String component) {
    return StreamSupport.stream(status.path("components").spliterator(), false)
        .filter(c -> c.path("name").asText().equals(component))
        .flatMap(c -> StreamSupport.stream(c.path("containers").spliterator(), false))
        .toList();
  }

  private static Map<String, String> firedAt(JsonNode status) {
    Map<String, String> fired = new java.util.TreeMap<>();
    status.path("events").forEach(event -> {
      if (event.path("fired").asBoolean()) {
        fired.put(event.path("name").asText(), event.path("fired_at").asText());
      }
    });
    return fired;
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }

  private static String serviceIds(String app) throws IOException, InterruptedException {
    return DockerCli.run("service", "ls", "-q", "--filter", "label=dev.tugboat.app=" + app)
        .lines().sorted().toList().toString();
  }


}
