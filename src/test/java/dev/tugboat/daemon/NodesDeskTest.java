package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.NodesView;
import dev.tugboat.runtime.ClusterNode;
import dev.tugboat.runtime.ClusterNodes;
import dev.tugboat.runtime.ClusterTask;
import dev.tugboat.runtime.InMemoryClusterNodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The nodes as the API shows them, tag changes and their log lines, and each refusal. */
class NodesDeskTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final DaemonLog log = new DaemonLog(new PrintStream(out, true, StandardCharsets.UTF_8),
      DaemonConfig.LogFormat.TEXT, Clock.fixed(Instant.parse("2026-12-06T04:00:00Z"),
      ZoneOffset.UTC));
  private final InMemoryClusterNodes swarm = InMemoryClusterNodes.manager(
      InMemoryClusterNodes.node("m1abc", "host", ClusterNode.Role.MANAGER, "172.17.0.1"),
      InMemoryClusterNodes.node("w1abc", "tugboat-worker-1", ClusterNode.Role.WORKER,
          "172.17.0.2"),
      InMemoryClusterNodes.node("w2abc", "tugboat-worker-2", ClusterNode.Role.WORKER,
          "172.17.0.3"))
      .withTask(new ClusterTask("t1", "shop_cassandra", "shop", "running", "w1abc"))
      .withTask(new ClusterTask("t2", "shop_cassandra", "shop", "running", "w2abc"))
      .withTask(new ClusterTask("t3", "shop_cassandra", "shop", "pending", ""));

  private final List<NodesView.Container> containers = List.of(
      new NodesView.Container("tugboat-shop-db-postgres-1", "db/postgres", "running"),
      new NodesView.Container("tugboat-shop-migrate-app-1", "migrate/app", "completed"));

  private NodesDesk desk(ClusterNodes engine) {
    return new NodesDesk(() -> engine, () -> new LocalNode("tugboat-host", "10.0.0.5", containers),
        log, Runnable::run);
  }

  @Test
  void eachNodeShowsItsTagsAndTheTasksOnIt() {
    swarm.tag("w1abc", java.util.Set.of("db"));
    NodesView view = desk(swarm).nodes().join();
    assertThat(view.swarm()).isEqualTo("manager");
    assertThat(view.nodes()).extracting(NodesView.Node::hostname)
        .containsExactly("host", "tugboat-worker-1", "tugboat-worker-2");
    NodesView.Node one = view.nodes().get(1);
    assertThat(one.role()).isEqualTo("worker");
    assertThat(one.state()).isEqualTo("ready");
    assertThat(one.address()).isEqualTo("172.17.0.2");
    assertThat(one.tags()).containsExactly("db");
    assertThat(one.labels()).containsEntry("dev.tugboat.tag.db", "true");
    assertThat(one.tasks()).containsExactly(
        new NodesView.Task("t1", "shop_cassandra", "shop", "running"));
    assertThat(view.nodes().get(0).tasks()).isEmpty();
    assertThat(view.unplacedTasks()).extracting(NodesView.Task::id).containsExactly("t3");
  }

  @Test
  void theAppsContainersShowOnTheDaemonsOwnNodeAlone() {
    NodesView view = desk(swarm).nodes().join();
    // The manager, m1abc, is the node this daemon's engine is.
    assertThat(view.nodes().get(0).containers()).isEqualTo(containers);
    assertThat(view.nodes().get(1).containers()).isEmpty();
    assertThat(view.nodes().get(2).containers()).isEmpty();

    assertThat(desk(InMemoryClusterNodes.inactive()).nodes().join().nodes().get(0).containers())
        .isEqualTo(containers);
    assertThat(desk(InMemoryClusterNodes.worker("w9")).nodes().join().nodes().get(0).containers())
        .isEqualTo(containers);
    assertThat(desk(swarm).changeTags("host", List.of("db"), List.of()).join().containers())
        .isEqualTo(containers);
    assertThat(desk(swarm).changeTags("tugboat-worker-1", List.of("db"), List.of()).join()
        .containers()).isEmpty();
  }

  @Test
  void theContainersAreThoseOfTheRunDockerHas() {
    assertThat(NodeViews.containersOf(null)).isEmpty();
    dev.tugboat.api.AppSnapshot stopped = new dev.tugboat.api.AppSnapshot("shop", "1",
        dev.tugboat.events.AppPhase.STOPPED, "stopped", null, "", null, null);
    assertThat(NodeViews.containersOf(stopped)).isEmpty();
    dev.tugboat.api.AppSnapshot started = new dev.tugboat.api.AppSnapshot("demo", "1",
        dev.tugboat.events.AppPhase.STARTED, "started", null, "", null,
        dev.tugboat.api.FakeApp.runWith("started", "started in 2.0 s"));
    assertThat(NodeViews.containersOf(started)).containsExactly(
        new NodesView.Container("tugboat-demo-db-postgres-1", "db/postgres", "running"));
  }

  @Test
  void anEngineInNoSwarmIsThisHostAloneAndSaysHowToMakeASwarm() {
    NodesView view = desk(InMemoryClusterNodes.inactive()).nodes().join();
    assertThat(view.swarm()).isEqualTo("inactive");
    assertThat(view.message()).contains("needs none", "docker swarm init");
    assertThat(view.nodes()).singleElement().satisfies(node -> {
      assertThat(node.hostname()).isEqualTo("tugboat-host");
      assertThat(node.role()).isEqualTo("host");
      assertThat(node.address()).isEqualTo("10.0.0.5");
    });
  }

  @Test
  void tagsAreAddedAndRemovedAndEachChangeIsLogged() {
    NodesView.Node node = desk(swarm).changeTags("tugboat-worker-1", List.of("db", "ssd"),
        List.of()).join();
    assertThat(node.tags()).containsExactly("db", "ssd");
    assertThat(node.tasks()).extracting(NodesView.Task::id).containsExactly("t1");
    node = desk(swarm).changeTags("w1", List.of(), List.of("ssd")).join();
    assertThat(node.tags()).containsExactly("db");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(
        "node tugboat-worker-1 (w1abc): tags [] -> [db, ssd]",
        "node tugboat-worker-1 (w1abc): tags [db, ssd] -> [db]");
  }

  @Test
  void aBadTagChangesNothingAndIsInvalid() {
    assertThat(refusal(desk(swarm).changeTags("w1abc", List.of("db"), List.of("no good"))))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(AppRefusal.Reason.INVALID))
        .hasMessageContaining("tag 'no good' has characters a node label cannot have");
    assertThat(swarm.writes()).isZero();
  }

  @Test
  void unknownAmbiguousAndNotAManagerAreRefusedEachTheirWay() {
    assertThat(refusal(desk(swarm).changeTags("db-host", List.of("db"), List.of())).reason())
        .isEqualTo(AppRefusal.Reason.NOT_FOUND);
    assertThat(refusal(desk(swarm).changeTags("w", List.of("db"), List.of())).reason())
        .isEqualTo(AppRefusal.Reason.INVALID);
    AppRefusal inactive = refusal(desk(InMemoryClusterNodes.inactive())
        .changeTags("x", List.of("db"), List.of()));
    assertThat(inactive.reason()).isEqualTo(AppRefusal.Reason.CONFLICT);
    assertThat(inactive).hasMessageContaining("docker swarm init");
    AppRefusal worker = refusal(desk(InMemoryClusterNodes.worker("w9"))
        .changeTags("w9", List.of("db"), List.of()));
    assertThat(worker.reason()).isEqualTo(AppRefusal.Reason.CONFLICT);
    assertThat(worker).hasMessageContaining("only a manager lists and tags the nodes");
  }

  @Test
  void aWorkerShowsItselfAndSaysToAskAManager() {
    NodesView view = desk(InMemoryClusterNodes.worker("w9")).nodes().join();
    assertThat(view.swarm()).isEqualTo("worker");
    assertThat(view.message()).contains("swarm worker (node w9)", "run the daemon on a manager");
    assertThat(view.nodes()).singleElement().satisfies(node -> {
      assertThat(node.id()).isEqualTo("w9");
      assertThat(node.hostname()).isEqualTo("tugboat-host");
      assertThat(node.role()).isEqualTo("worker");
    });
  }

  private static AppRefusal refusal(CompletableFuture<?> future) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(future::join);
    assertThat(thrown).isInstanceOf(CompletionException.class);
    assertThat(thrown.getCause()).isInstanceOf(AppRefusal.class);
    return (AppRefusal) thrown.getCause();
  }
}
