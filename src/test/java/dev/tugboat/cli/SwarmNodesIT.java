package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tugboat.runtime.ClusterNode;
import dev.tugboat.runtime.ClusterNodes;
import dev.tugboat.runtime.SwarmMembership;
import dev.tugboat.runtime.docker.DockerRuntime;
import dev.tugboat.swarm.TestSwarm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The swarm's nodes on a real three-node swarm (scripts/swarm/cluster.sh: this host's engine the
 * manager, two engines in containers the workers): {@code tugboat nodes} lists them through a
 * served daemon, with an app's service's task on each and the daemon's own app's container on the
 * manager, where the daemon runs; {@code tugboat nodes tag} and {@code untag}
 * change the node label that {@code docker node inspect} shows; tags written at once all land (the
 * version conflict retried). The cluster is left as found: taken down only if this test brought it
 * up.
 */
class SwarmNodesIT {

  private static final String WORKER = TestSwarm.WORKER_1;

  @TempDir Path dir;

  @BeforeAll
  static void clusterUp() throws Exception {
    TestSwarm.up();
  }

  @Test
  void nodesAreListedAndTaggedThroughTheDaemon() throws Exception {
    int port = TestSpecs.freePort();
    String base = "http://127.0.0.1:" + port;
    // The daemon's own app: one plain container, which runs on the manager, the daemon's node.
    String app = TestSpecs.uniqueApp("it-nodes");
    Path spec = TestSpecs.write(dir, "port.yml",
        Map.of("APP", app, "PORT", String.valueOf(TestSpecs.freePort())));
    Path config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + port + "\nstate_dir: state\napp: " + spec
        + "\n");
    String cfg = config.toString();
    String service = "tugboat-nodes-it-" + Long.toHexString(System.nanoTime());
    try (ServedDaemon daemon = ServedDaemon.serve(config, dir.resolve("state"), base)) {
      assertThat(daemon.awaitSettled(Duration.ofSeconds(60)).path("state").asText())
          .isEqualTo("started");
      // An app's service with a task on each node: the listing says what runs where.
      DockerCli.run("service", "create", "--detach", "--name", service, "--label",
          "dev.tugboat.app=nodes-it", "--mode", "global", "tugboat-test/busybox:1", "sleep", "600");
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
          DockerCli.run("service", "ps", service, "--filter", "desired-state=running", "--format",
              "{{.CurrentState}}").lines().filter(state -> state.startsWith("Running")).count() == 3);
      long started = System.nanoTime();
      Jar listed = jar("nodes", "--config", cfg);
      long listMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(listed.code()).as(listed.err()).isZero();
      List<String> lines = listed.out().lines().toList();
      assertThat(lines.get(0)).startsWith("NODE").contains("ROLE", "STATE", "ADDRESS", "TAGS",
          "TASKS", "CONTAINERS");
      assertThat(lines).hasSize(4);
      assertThat(lines.get(1)).contains("manager (leader)", "ready").endsWith("1 running");
      assertThat(lines.get(2)).startsWith("tugboat-worker-1").contains("worker", "ready");
      assertThat(lines.get(3)).startsWith("tugboat-worker-2").contains("worker", "ready");
      assertThat(lines.subList(1, 4)).allMatch(line -> line.contains(service + " running"));
      System.out.println("tugboat nodes against the 3-node swarm: " + listMillis + " ms (jar)");

      JsonNode json = new ObjectMapper().readTree(jar("nodes", "--json", "--config", cfg).out());
      assertThat(json.path("swarm").asText()).isEqualTo("manager");
      assertThat(json.path("nodes")).hasSize(3);
      json.path("nodes").forEach(node -> assertThat(node.path("address").asText())
          .as("address of " + node.path("hostname")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));

      Jar tagged = jar("nodes", "tag", WORKER, "db", "--config", cfg);
      assertThat(tagged.code()).as(tagged.err()).isZero();
      assertThat(tagged.out()).startsWith(WORKER + " (").endsWith("): tags db");
      assertThat(labels(WORKER)).contains("\"dev.tugboat.tag.db\":\"true\"");
      assertThat(jar("nodes", "--config", cfg).out().lines()
          .filter(line -> line.startsWith(WORKER))).singleElement().asString()
          .contains(" db ");

      Jar untagged = jar("nodes", "untag", WORKER, "db", "--config", cfg);
      assertThat(untagged.code()).as(untagged.err()).isZero();
      assertThat(untagged.out()).endsWith("): tags none");
      assertThat(labels(WORKER)).doesNotContain("dev.tugboat.tag.db");

      Jar bad = jar("nodes", "tag", WORKER, "no=good", "--config", cfg);
      assertThat(bad.code()).isEqualTo(1);
      assertThat(bad.err()).contains("tag 'no=good' has characters a node label cannot have: '='");
      Jar unknown = jar("nodes", "tag", "no-such-host", "db", "--config", cfg);
      assertThat(unknown.code()).isEqualTo(1);
      assertThat(unknown.err()).contains("no node of the swarm has the hostname, id or id prefix"
          + " 'no-such-host'", WORKER);
      assertThat(daemon.status()).isNotNull();
    } finally {
      removeTestLabels();
      DockerCli.run("service", "rm", service);
      DockerCli.removeApp(app); // the daemon leaves the app's containers running when it stops
    }
  }

  @Test
  void tagsWrittenAtOnceAllLand() throws Exception {
    try (DockerRuntime docker = DockerRuntime.connect(Optional.empty())) {
      ClusterNodes nodes = docker.clusterNodes();
      assertThat(nodes.membership()).isInstanceOf(SwarmMembership.Manager.class);
      assertThat(nodes.nodes()).extracting(ClusterNode::hostname)
          .contains(WORKER, "tugboat-worker-2").hasSize(3);
      List<CompletableFuture<Void>> writes = List.of("t1", "t2", "t3", "t4").stream()
          .map(tag -> CompletableFuture.runAsync(() -> nodes.tag(WORKER, Set.of(tag))))
          .toList();
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      ClusterNode worker = nodes.nodes().stream().filter(n -> n.hostname().equals(WORKER))
          .findFirst().orElseThrow();
      assertThat(worker.tags()).contains("t1", "t2", "t3", "t4");
      nodes.untag(WORKER, Set.of("t1", "t2", "t3", "t4"));
      assertThat(labels(WORKER)).doesNotContain("dev.tugboat.tag.t");
    } finally {
      removeTestLabels();
    }
  }

  private record Jar(int code, String out, String err) {}

  private static Jar jar(String... args) throws IOException, InterruptedException {
    try (TugboatProcess process = TugboatProcess.start(args)) {
      int code = process.awaitExit(Duration.ofSeconds(60));
      return new Jar(code, process.stdout(), process.stderr());
    }
  }

  private static String labels(String node) throws IOException, InterruptedException {
    return DockerCli.run("node", "inspect", "--format", "{{json .Spec.Labels}}", node);
  }

  /** What a failed test may have left on the worker, so the next run starts clean. */
  private static void removeTestLabels() throws IOException, InterruptedException {
    for (String tag : List.of("db", "t1", "t2", "t3", "t4")) {
      if (labels(WORKER).contains("dev.tugboat.tag." + tag + "\"")) {
        DockerCli.run("node", "update", "--label-rm", "dev.tugboat.tag." + tag, WORKER);
      }
    }
  }
}
