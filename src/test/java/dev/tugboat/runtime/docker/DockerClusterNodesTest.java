package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.runtime.ClusterNode;
import dev.tugboat.runtime.ClusterNodes;
import dev.tugboat.runtime.ClusterTask;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.SwarmMembership;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Swarm calls over docker-java's real transport, against a fake engine: what a node and a
 * task become, the version a tag change writes at, and the retry when another change came first.
 */
class DockerClusterNodesTest {

  private static final String MANAGER = "{\"Swarm\": {\"NodeID\": \"m1\", \"LocalNodeState\":"
      + " \"active\", \"ControlAvailable\": true}}";
  private static final String CONFLICT = "{\"message\": \"rpc error: code = Unknown desc = update"
      + " out of sequence\"}";

  @TempDir Path dir;
  private FakeSwarmEngine engine;
  private DockerRuntime runtime;
  private final AtomicInteger version = new AtomicInteger(5);

  private ClusterNodes connect(Function<String, FakeSwarmEngine.Answer> answer) throws Exception {
    Path socket = dir.resolve("docker.sock");
    engine = new FakeSwarmEngine(socket, answer);
    Duration deadline = Duration.ofSeconds(10);
    runtime = DockerRuntime.connect(new DockerHost("unix://" + socket),
        new DockerDeadlines(deadline, deadline, deadline, 8));
    return runtime.clusterNodes();
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

  private FakeSwarmEngine.Answer swarm(String request, int conflicts) {
    if (request.startsWith("GET /info")) {
      return new FakeSwarmEngine.Answer(200, MANAGER);
    }
    if (request.startsWith("GET /nodes")) {
      return new FakeSwarmEngine.Answer(200, "[{\"ID\": \"m1abc\", \"Version\": {\"Index\": 2},"
          + " \"Spec\": {\"Role\": \"manager\", \"Availability\": \"active\"},"
          + " \"Description\": {\"Hostname\": \"host\"}, \"Status\": {\"State\": \"ready\","
          + " \"Addr\": \"172.17.0.1\"}, \"ManagerStatus\": {\"Leader\": true}},"
          + " {\"ID\": \"w1abc\", \"Version\": {\"Index\": " + version.get() + "},"
          + " \"Spec\": {\"Role\": \"worker\", \"Availability\": \"drain\","
          + " \"Labels\": {\"zone\": \"eu\"}}, \"Description\": {\"Hostname\": \"tugboat-worker-1\","
          + " \"Engine\": {\"EngineVersion\": \"20.10.24\"}}, \"Status\": {\"State\": \"down\","
          + " \"Addr\": \"172.17.0.2\"}}]");
    }
    if (request.startsWith("POST /nodes/w1abc/update")) {
      // another change lands first, as often as asked: the version moves on
      if (version.get() < 5 + conflicts) {
        version.incrementAndGet();
        return new FakeSwarmEngine.Answer(500, CONFLICT);
      }
      return new FakeSwarmEngine.Answer(200, "");
    }
    return new FakeSwarmEngine.Answer(404, "{\"message\": \"no route " + request + "\"}");
  }

  @Test
  void nodesBecomeClusterNodes() throws Exception {
    ClusterNodes nodes = connect(request -> swarm(request, 0));
    assertThat(nodes.membership()).isEqualTo(new SwarmMembership.Manager("m1"));
    assertThat(nodes.nodes()).containsExactly(
        new ClusterNode("m1abc", "host", ClusterNode.Role.MANAGER, true,
            ClusterNode.Availability.ACTIVE, ClusterNode.State.READY, "172.17.0.1", "",
            java.util.Map.of()),
        new ClusterNode("w1abc", "tugboat-worker-1", ClusterNode.Role.WORKER, false,
            ClusterNode.Availability.DRAIN, ClusterNode.State.DOWN, "172.17.0.2", "20.10.24",
            java.util.Map.of("zone", "eu")));
  }

  @Test
  void aTagIsWrittenAtTheVersionReadAndAConflictIsReadAgainAndRetried() throws Exception {
    ClusterNodes nodes = connect(request -> swarm(request, 2));
    nodes.tag("tugboat-worker-1", Set.of("db"));
    List<String> updates = engine.requests().stream()
        .filter(r -> r.startsWith("POST /nodes/")).toList();
    assertThat(updates).hasSize(3);
    assertThat(updates.get(0)).startsWith("POST /nodes/w1abc/update?version=5 ");
    assertThat(updates.get(2)).startsWith("POST /nodes/w1abc/update?version=7 ")
        .contains("\"Labels\":{\"dev.tugboat.tag.db\":\"true\",\"zone\":\"eu\"}")
        .contains("\"Role\":\"worker\"", "\"Availability\":\"drain\"");
  }

  @Test
  void conflictsEveryTimeEndWithTheEnginesWords() throws Exception {
    ClusterNodes nodes = connect(request -> swarm(request, 100));
    // no such tag to remove: nothing is written
    org.assertj.core.api.Assertions.assertThatCode(() -> nodes.untag("w1", Set.of("zone-less")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> nodes.tag("w1", Set.of("db")))
        .isInstanceOfSatisfying(RuntimeFailure.class,
            f -> assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.ENGINE_ERROR))
        .hasMessageContaining("update out of sequence");
    assertThat(engine.requests().stream().filter(r -> r.startsWith("POST /nodes/")))
        .hasSize(DockerClusterNodes.ATTEMPTS);
  }

  @Test
  void anEngineInNoSwarmIsNotAskedForNodes() throws Exception {
    ClusterNodes nodes = connect(request -> request.startsWith("GET /info")
        ? new FakeSwarmEngine.Answer(200, "{\"Swarm\": {\"LocalNodeState\": \"inactive\"}}")
        : new FakeSwarmEngine.Answer(503, "{\"message\": \"This node is not a swarm manager.\"}"));
    assertThat(nodes.membership()).isEqualTo(new SwarmMembership.Inactive("inactive"));
    assertThatThrownBy(nodes::nodes).isInstanceOfSatisfying(RuntimeFailure.class,
        f -> assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.NOT_A_SWARM_MANAGER));
    assertThat(engine.requests()).allMatch(r -> r.startsWith("GET /info"));
  }

  @Test
  void aWorkerAndALockedNodeAreToldApartFromAManager() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    ClusterNodes nodes = connect(request -> new FakeSwarmEngine.Answer(200,
        asked.getAndIncrement() == 0
            ? "{\"Swarm\": {\"NodeID\": \"w7\", \"LocalNodeState\": \"active\","
                + " \"ControlAvailable\": false}, \"Containers\": 3}"
            : "{\"Swarm\": {\"NodeID\": \"m2\", \"LocalNodeState\": \"locked\"}}"));
    assertThat(nodes.membership()).isEqualTo(new SwarmMembership.Worker("w7"));
    assertThat(nodes.membership()).isEqualTo(new SwarmMembership.Inactive("locked"));
  }

  @Test
  void tasksAreThoseOfServicesLabelledWithAnAppButNotTheReplacedOnes() throws Exception {
    ClusterNodes nodes = connect(request -> {
      if (request.startsWith("GET /services")) {
        return new FakeSwarmEngine.Answer(200, "[{\"ID\": \"s1\", \"Spec\": {\"Name\":"
            + " \"shop_cassandra\", \"Labels\": {\"dev.tugboat.app\": \"shop\"}}},"
            + " {\"ID\": \"s2\", \"Spec\": {\"Name\": \"someone-elses\"}}]");
      }
      if (request.startsWith("GET /tasks")) {
        return new FakeSwarmEngine.Answer(200, "[{\"ID\": \"t1\", \"ServiceID\": \"s1\","
            + " \"NodeID\": \"w1abc\", \"Status\": {\"State\": \"running\"},"
            + " \"DesiredState\": \"running\"}, {\"ID\": \"t0\", \"ServiceID\": \"s1\","
            + " \"NodeID\": \"w1abc\", \"Status\": {\"State\": \"failed\"},"
            + " \"DesiredState\": \"shutdown\"}]");
      }
      return swarm(request, 0);
    });
    assertThat(nodes.appTasks()).containsExactly(
        new ClusterTask("t1", "shop_cassandra", "shop", "running", "w1abc"));
    assertThat(engine.requests()).anyMatch(r -> r.startsWith("GET /tasks?filters=")
        && java.net.URLDecoder.decode(r, java.nio.charset.StandardCharsets.UTF_8)
            .contains("\"service\":[\"s1\"]"));
  }
}
