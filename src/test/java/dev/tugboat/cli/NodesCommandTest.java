package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.ApiLimits;
import dev.tugboat.api.ApiServer;
import dev.tugboat.api.FakeApp;
import dev.tugboat.api.FakeNodes;
import dev.tugboat.api.LicenseService;
import dev.tugboat.api.NoBufferLeaks;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code tugboat nodes}, {@code nodes tag} and {@code nodes untag} against a real API server. */
@ExtendWith(NoBufferLeaks.class)
class NodesCommandTest {

  @TempDir Path dir;
  private final FakeNodes nodes = new FakeNodes();
  private ApiServer server;
  private String config;

  @BeforeEach
  void serve() throws Exception {
    server = ApiServer.start(new InetSocketAddress("127.0.0.1", 0), new FakeApp(),
        LicenseService.none(), nodes, "tok", java.util.Set.of(), java.util.Optional.empty(),
        ApiLimits.defaults(), 1);
    config = ClientConfig.forDaemonAt(dir, server.address().getPort());
  }

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void listsEachNodeWithItsTagsAndTasks() {
    CliRun.of("nodes", "tag", "tugboat-worker-1", "db", "ssd", "--config", config);
    CliRun run = CliRun.of("nodes", "--config", config);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        NODE              ROLE              STATE  ADDRESS     TAGS    TASKS                   CONTAINERS
        host              manager (leader)  ready  172.17.0.1  -       -                       1 running
        tugboat-worker-1  worker            ready  172.17.0.2  db,ssd  shop_cassandra running  -
        """);
    assertThat(CliRun.of("nodes", "--json", "--config", config).out())
        .contains("\"swarm\" : \"manager\"", "\"hostname\" : \"tugboat-worker-1\"");
  }

  @Test
  void tagAndUntagPrintTheNodesTagsAfterTheChange() {
    CliRun tag = CliRun.of("nodes", "tag", "tugboat-worker-1", "db", "ssd", "--config", config);
    assertThat(tag.exitCode()).isZero();
    assertThat(tag.out()).isEqualTo("tugboat-worker-1 (w1): tags db,ssd\n");
    CliRun untag = CliRun.of("nodes", "untag", "w1", "db", "ssd", "--config", config);
    assertThat(untag.out()).isEqualTo("tugboat-worker-1 (w1): tags none\n");
    assertThat(nodes.changes).containsExactly("tugboat-worker-1 +[db, ssd] -[]",
        "w1 +[] -[db, ssd]");
  }

  @Test
  void aRefusedTagOrNodeSaysWhyAndFails() {
    CliRun bad = CliRun.of("nodes", "tag", "w1", "bad", "--config", config);
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).isEqualTo("tugboat nodes tag: tag 'bad' is bad\n");
    CliRun gone = CliRun.of("nodes", "untag", "gone", "db", "--config", config);
    assertThat(gone.err()).startsWith("tugboat nodes untag: no node of the swarm has");
    assertThat(CliRun.of("nodes", "tag", "w1", "--config", config).exitCode()).isEqualTo(2);
  }

  @Test
  void anEngineInNoSwarmShowsTheMessageAndThisHostWithTheAppsContainers() throws Exception {
    String answer = """
        {"swarm": "inactive", "message": "this Docker Engine is in no swarm: run docker swarm init",
         "nodes": [{"id": "", "hostname": "box", "role": "host", "leader": false,
           "availability": "active", "state": "ready", "address": "10.0.0.5", "engine_version": "",
           "tags": [], "labels": {}, "tasks": [], "containers": [
             {"name": "tugboat-shop-web-1", "container": "web/nginx", "state": "running"},
             {"name": "tugboat-shop-setup-1", "container": "setup/app", "state": "completed"}]}],
         "unplaced_tasks": []}""";
    assertThat(NodesCommand.text(new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(answer))).isEqualTo("""
        this Docker Engine is in no swarm: run docker swarm init
        NODE  ROLE  STATE  ADDRESS   TAGS  TASKS  CONTAINERS
        box   host  ready  10.0.0.5  -     -      1 running, 1 completed
        """);
  }
}
