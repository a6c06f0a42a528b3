package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ClusterNode;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.runtime.ServicePlacement;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecLoader;
import dev.tugboat.trigger.TcpConnector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On a Swarm manager, a component with {@code cluster: true} is planned as Swarm services: one
 * instance per task slot, on the nodes its tags and conflicts allow, and templates see those nodes
 * before anything starts. Without a swarm the same spec runs one host's worth, as before.
 */
class ClusterLayoutTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Ring
      components:
      - name: ring
        cluster: true
        tags: ["db"]
        cluster_host_count:
          min: 2
          max: 0
        containers:
        - source: public
          image_name: cassandra
          version: "4"
          env_vars:
          - name: SEEDS
            value: '{{repl range $i, $h := NodePrivateIPAddressAll "ring" "cassandra" }}{{repl if $i}},{{repl end}}{{repl $h}}{{repl end}}'
          ports:
          - private_port: "9042"
            public_port: "9042"
          publish_events:
          - name: ring listens
            trigger: port-listen
            data: "9042"
            subscriptions:
            - component: schema
              container: migrate
              action: start
      - name: schema
        cluster: true
        cluster_host_count:
          max: 1
        conflicts: ["web"]
        containers:
        - source: public
          image_name: migrate
          version: "1"
          ephemeral: true
          publish_events:
          - name: schema done
            trigger: container-stop
            subscriptions:
            - component: web
              container: shop
              action: start
      - name: web
        containers:
        - source: public
          image_name: shop
          version: "1"
          env_vars:
          - name: RING
            value: '{{repl NodePrivateIPAddressFirst "ring" "cassandra" }}'
      """;

  private static final ContainerKey RING = ContainerKey.parse("ring/cassandra");
  private static final ContainerKey SCHEMA = ContainerKey.parse("schema/migrate");
  private static final ContainerKey WEB = ContainerKey.parse("web/shop");
  private static final HostAddresses HOST =
      new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of());

  private final ManualClock clock = new ManualClock();

  private static ClusterNode node(String id, String hostname, ClusterNode.Role role,
      String address, Map<String, String> labels) {
    return new ClusterNode(id, hostname, role, role == ClusterNode.Role.MANAGER,
        ClusterNode.Availability.ACTIVE, ClusterNode.State.READY, address, "20.10.24", labels);
  }

  private static final SwarmFacts THREE_NODES = new SwarmFacts(true, "m1", List.of(
      node("m1", "manager", ClusterNode.Role.MANAGER, "0.0.0.0", Map.of()),
      node("w1", "worker-1", ClusterNode.Role.WORKER, "10.0.0.6",
          Map.of("dev.tugboat.tag.db", "true")),
      node("w2", "worker-2", ClusterNode.Role.WORKER, "10.0.0.7",
          Map.of("dev.tugboat.tag.db", "true"))));

  private record Planned(SpecInputs in, ContainerKeys keys, StartPlan plan, SpecLauncher launcher) {
    ContainerConfig config(ContainerKey key) {
      return launcher.prepare(key, RunState.initial("run-1", plan, java.time.Instant.EPOCH))
          .config();
    }
  }

  private Planned plan(String yaml, SwarmFacts swarm) throws Exception {
    AppSpec spec = new SpecLoader().load(yaml, "ring.yml").spec();
    SpecInputs in = new SpecInputs(spec, SpecTemplates.standard(),
        new ConfigMapEnvironment(Map.of(), HOST), HOST, Map.of(), "abc123", clock).withSwarm(swarm);
    ContainerKeys keys = new ContainerKeys(spec);
    StartPlan plan = SpecPlans.plan(in, keys);
    return new Planned(in, keys, plan, new SpecLauncher(in, keys, plan, TcpConnector.sockets()));
  }

  @Test
  void aClusteredContainerRunsOneTaskSlotPerTaggedNode() throws Exception {
    Planned p = plan(SPEC, THREE_NODES);

    assertThat(p.plan().container(RING).instances()).isEqualTo(2);
    ContainerConfig second = p.config(RING.withInstance(2));
    assertThat(second.placement()).contains(new ServicePlacement("tugboat-ring-ring-cassandra", 2,
        2, List.of("node.labels.dev.tugboat.tag.db==true"), false,
        ServicePlacement.Restart.NONE, 0, "tugboat-ring", InstanceLabels.INSTANCE));
    assertThat(second.labels()).containsEntry(InstanceLabels.INSTANCE, "2");
  }

  @Test
  void aSeedListNamesTheNodesSwarmMayPlaceTheTasksOnBeforeAnyRuns() throws Exception {
    Planned p = plan(SPEC, THREE_NODES);

    assertThat(p.config(RING.withInstance(1)).env()).containsEntry("SEEDS", "10.0.0.6,10.0.0.7");
    assertThat(p.config(WEB).env()).containsEntry("RING", "10.0.0.6");
    assertThat(LaunchCheck.failures(p.in(), p.keys(), p.plan())).isEmpty();
  }

  @Test
  void anEphemeralContainerIsAJobKeptOffTheNodeOfAComponentItConflictsWith() throws Exception {
    Planned p = plan(SPEC, THREE_NODES);

    ServicePlacement job = p.config(SCHEMA).placement().orElseThrow();
    assertThat(job.job()).isTrue();
    assertThat(job.replicas()).isEqualTo(1);
    assertThat(job.constraints()).containsExactly("node.id!=m1");
    assertThat(job.slotLabel()).isEmpty();
    assertThat(p.config(WEB).placement()).isEmpty();
    assertThat(p.config(WEB).joinedNetworks()).containsExactly("tugboat-ring");
  }

  @Test
  void theManagerThatSwarmGivesNoAddressIsThisHost() throws Exception {
    Planned p = plan(SPEC.replace("tags: [\"db\"]", "tags: []").replace("min: 2", "min: 3"),
        THREE_NODES);

    assertThat(p.config(RING.withInstance(1)).env())
        .containsEntry("SEEDS", "10.0.0.5,10.0.0.6,10.0.0.7");
  }

  @Test
  void withoutASwarmTheSameSpecRunsOneHostsWorth() throws Exception {
    Planned p = plan(SPEC, SwarmFacts.none());

    assertThat(p.plan().container(RING).instances()).isEqualTo(1);
    assertThat(p.config(RING).placement()).isEmpty();
    assertThat(p.config(WEB).joinedNetworks()).isEmpty();
    assertThat(p.config(RING).env()).containsEntry("SEEDS", "10.0.0.5");
  }

  @Test
  void tooFewNodesForTheMinimumAreRefusedWithWhatToTag() {
    assertThatThrownBy(() -> plan(SPEC.replace("min: 2", "min: 3"), THREE_NODES))
        .isInstanceOf(PlanException.class)
        .hasMessage("components[0].cluster_host_count.min: component ring needs at least 3 nodes"
            + " of the swarm tagged db, and 2 fit: add nodes to the swarm or tag them (tugboat "
            + "nodes tag NODE db)");
  }

  @Test
  void maxCapsTheTasksAndRestartFollowsTheSpec() throws Exception {
    Planned p = plan(SPEC.replace("max: 0", "max: 1").replace("    ports:\n",
        "    restart:\n      policy: on-failure\n      max: 3\n    ports:\n"), THREE_NODES);

    ServicePlacement ring = p.config(RING).placement().orElseThrow();
    assertThat(ring.replicas()).isEqualTo(1);
    assertThat(ring.restart()).isEqualTo(ServicePlacement.Restart.ON_FAILURE);
    assertThat(ring.maxAttempts()).isEqualTo(3);
    assertThat(p.plan().container(RING).restart()).isEqualTo(RestartPolicy.NEVER);
  }

  @Test
  void aConflictWithAComponentSwarmMayPlaceAnywhereIsRefused() {
    String yaml = SPEC.replace("conflicts: [\"web\"]", "conflicts: [\"ring\"]")
        .replace("tags: [\"db\"]", "tags: []");

    assertThatThrownBy(() -> plan(yaml, THREE_NODES))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("components[0].conflicts: component ring must not share a node "
            + "with schema, which Swarm may place on any node: give schema tags");
  }

  @Test
  void aTriggerThatWouldReachIntoATaskOnAnotherNodeIsRefused() {
    String yaml = SPEC.replace("trigger: container-stop",
        "trigger: exec\n      args: [\"true\"]");

    assertThatThrownBy(() -> plan(yaml, THREE_NODES))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("components[1].containers[0].publish_events[0].trigger: event "
            + "\"schema done\" is published by a container of a clustered component");
  }

  @Test
  void aPortListenOnAPortTheTasksDoNotPublishIsFoundBeforeAnythingStarts() throws Exception {
    Planned p = plan(SPEC.replace("\n      public_port: \"9042\"", ""), THREE_NODES);

    assertThat(LaunchCheck.failures(p.in(), p.keys(), p.plan()))
        .extracting(failure -> failure.error().getMessage())
        .containsExactly("components[0].containers[0].ports: event \"ring listens\" waits for "
            + "port 9042 of a container of a clustered component, whose tasks this host reaches "
            + "only at their nodes' addresses, on the ports the nodes publish: give port 9042 a "
            + "public_port");
  }

  @Test
  void anOptionAServiceCannotHaveIsFoundBeforeAnythingStarts() throws Exception {
    Planned p = plan(SPEC.replace("    ephemeral: true\n",
        "    ephemeral: true\n    privileged: true\n"), THREE_NODES);

    assertThat(LaunchCheck.failures(p.in(), p.keys(), p.plan()))
        .extracting(failure -> failure.error().getMessage())
        .containsExactly("components[1].containers[0].privileged: a container of a clustered "
            + "component runs as a Swarm service, which cannot have privileged: remove it, or "
            + "run the component on this host (cluster: false)");
  }

  /** Tugboat makes host directories, with their mode and owner, on this host only. */
  @Test
  void hostDirectoriesMadeOnThisHostOnlyAreRefusedForAService() throws Exception {
    assertThat(SPEC).contains("  cluster_host_count:\n    max: 1\n");
    Planned p = plan(SPEC.replace("  cluster_host_count:\n    max: 1\n",
        "  cluster_host_count:\n    max: 1\n  host_volumes:\n"
            + "  - {host_path: /srv/schema}\n").replace("    ephemeral: true\n",
        "    ephemeral: true\n    volumes:\n    - {host_path: /srv/x, container_path: /x,"
            + " owner: \"999\"}\n"), THREE_NODES);

    assertThat(LaunchCheck.failures(p.in(), p.keys(), p.plan()))
        .extracting(failure -> failure.error().getMessage())
        .containsExactly("components[1].containers[0].volumes: a container of a clustered "
            + "component runs as a Swarm service, which cannot have a volume's permission or"
            + " owner, its component's host_volumes: remove them, or run the component on this"
            + " host (cluster: false)");
  }
}
