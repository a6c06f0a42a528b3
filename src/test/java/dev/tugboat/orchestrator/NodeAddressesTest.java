package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.RunEvent;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecLoader;
import dev.tugboat.trigger.TcpConnector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Node addresses are known before anything starts (the host's, on one host), for a container's
 * own instances too; instances of a container with {@code cluster_instance_count} are separate
 * Docker containers with the same config, and the *All functions list them in instance order.
 */
class NodeAddressesTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Ring
      components:
      - name: db
        containers:
        - source: public
          image_name: cassandra
          version: "4"
          cluster: true
          cluster_instance_count:
            initial: 3
            max: 5
            threshold_healthy: 2
          env_vars:
          - name: SEEDS
            value: '{{repl range $i, $h := NodePrivateIPAddressAll "db" "cassandra" }}{{repl if $i}},{{repl end}}{{repl $h}}{{repl end}}'
          - name: FIRST
            value: '{{repl NodePrivateIPAddress "db" "cassandra" }}/{{repl HostPublicIpAddress "db" "cassandra" }}'
          - name: WEB
            value: '{{repl NodePublicIPAddressFirst "web" "shop" }}'
          - name: EXTRA
            value: '[{{repl range NodePrivateIPAddressAll "extra" "busybox" }}{{repl .}}{{repl end}}]{{repl NodePrivateIPAddress "extra" "busybox"}}'
          ports:
          - private_port: "9042"
          publish_events:
          - name: ring up
            trigger: port-listen
            data: "9042"
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
          - name: PORTS
            value: '{{repl range $i, $p := ContainerExposedPortAll "db" "cassandra" "9042" }}{{repl if $i}},{{repl end}}{{repl $p}}{{repl end}}'
          - name: ADDRESSES
            value: '{{repl HostPrivateIpAddressAll "db" "cassandra" | len }}'
      - name: extra
        containers:
        - source: public
          image_name: busybox
          version: "1"
          when: "false"
      """;

  private static final ContainerKey DB = ContainerKey.parse("db/cassandra");
  private static final ContainerKey WEB = ContainerKey.parse("web/shop");

  private final ManualClock clock = new ManualClock();
  private final SpecInputs in;
  private final ContainerKeys keys;
  private final StartPlan plan;
  private final SpecLauncher launcher;

  NodeAddressesTest() throws Exception {
    AppSpec spec = new SpecLoader().load(SPEC, "ring.yml").spec();
    HostAddresses host = new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of());
    in = new SpecInputs(spec, SpecTemplates.standard(),
        new ConfigMapEnvironment(Map.of(), host), host, Map.of(), "abc123", clock);
    keys = new ContainerKeys(spec);
    plan = SpecPlans.plan(in, keys);
    launcher = new SpecLauncher(in, keys, plan, TcpConnector.sockets());
  }

  @Test
  void aContainerReadsItsOwnNodeAddressesBeforeAnyInstanceStarted() {
    RunState before = RunState.initial("run-1", plan, clock.instant());

    ContainerConfig first = launcher.prepare(DB.withInstance(1), before).config();

    assertThat(first.env()).containsEntry("SEEDS", "10.0.0.5,10.0.0.5,10.0.0.5")
        .containsEntry("FIRST", "10.0.0.5/203.0.113.9")
        .containsEntry("WEB", "203.0.113.9");
  }

  @Test
  void theCheckBeforeAStartSeesEveryInstanceAsTheRunDoes() throws Exception {
    // the third address exists only when the check counts the instances as the run does
    AppSpec spec = new SpecLoader().load(SPEC.replace("'{{repl NodePublicIPAddressFirst \"web\" \"shop\" }}'",
        "'{{repl index (NodePrivateIPAddressAll \"db\" \"cassandra\") 2 }}'"), "ring.yml").spec();
    HostAddresses host = new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of());
    SpecInputs indexed = new SpecInputs(spec, SpecTemplates.standard(),
        new ConfigMapEnvironment(Map.of(), host), host, Map.of(), "abc123", clock);
    ContainerKeys indexedKeys = new ContainerKeys(spec);

    assertThat(LaunchCheck.failures(indexed, indexedKeys, SpecPlans.plan(indexed, indexedKeys)))
        .isEmpty();
  }

  @Test
  void aContainerThatWhenSkippedRunsOnNoNode() {
    RunState before = started(RunState.initial("run-1", plan, clock.instant()), 0);

    assertThat(launcher.prepare(DB.withInstance(1), before).config().env())
        .containsEntry("EXTRA", "[]");
  }

  @Test
  void theInstancesAreSeparateContainersWithTheSameConfig() {
    RunState before = RunState.initial("run-1", plan, clock.instant());

    List<ContainerConfig> configs = List.of(1, 2, 3).stream()
        .map(n -> launcher.prepare(DB.withInstance(n), before).config())
        .toList();

    assertThat(plan.toText()).startsWith("start db/cassandra x3 (root)\n");
    assertThat(configs).extracting(ContainerConfig::name).containsExactly(
        "tugboat-ring-db-cassandra-1", "tugboat-ring-db-cassandra-2", "tugboat-ring-db-cassandra-3");
    assertThat(configs.get(2).labels()).containsEntry("dev.tugboat.instance", "3")
        .containsEntry("dev.tugboat.container", "cassandra");
    assertThat(configs).extracting(ContainerConfig::env).containsOnly(configs.get(0).env());
  }

  @Test
  void aSubscriberSeesThePortOfEveryInstanceInInstanceOrder() {
    RunState state = started(RunState.initial("run-1", plan, clock.instant()), 3);

    ContainerConfig web = launcher.prepare(WEB, state).config();

    assertThat(web.env()).containsEntry("PORTS", "32001,32002,32003")
        .containsEntry("ADDRESSES", "3");
  }

  @Test
  void anInstanceWhoseIpv6BindingGotAnotherHostPortCountsOnceWithItsIpv4Port() throws Exception {
    Planner planner = new Planner(plan);
    RunState state = planner.decide(RunState.initial("run-1", plan, clock.instant()),
        new RunEvent.StartRequested(), clock.instant()).state();
    for (int n = 1; n <= 3; n++) {
      // Docker binds each family apart; under load their host ports differ
      state = planner.decide(state, new RunEvent.ContainerStarted(DB.withInstance(n), "id-" + n,
          Instant.EPOCH, "172.17.0." + (n + 1), List.of(
              new BoundPort(9042, "tcp", "::", 33000 + n),
              new BoundPort(9042, "tcp", "0.0.0.0", 32000 + n))), clock.instant()).state();
    }

    ContainerConfig web = launcher.prepare(WEB, state).config();

    assertThat(web.env()).containsEntry("PORTS", "32001,32002,32003");
  }

  @Test
  void aPortOfAnInstanceNotStartedYetWaitsForItsStartAndNamesIt() {
    RunState state = started(RunState.initial("run-1", plan, clock.instant()), 2);

    assertThatThrownBy(() -> launcher.prepare(WEB, state))
        .isInstanceOf(Launcher.LaunchException.class)
        .hasMessageContaining("db/cassandra#3 has not started yet, so web/shop cannot use its "
            + "port 9042");
  }

  @Test
  void aReferenceToAContainerTheSpecDoesNotHaveIsAnErrorNamingIt() throws Exception {
    AppSpec spec = new SpecLoader().load(SPEC.replace("NodePublicIPAddressFirst \"web\" \"shop\"",
        "NodePublicIPAddressFirst \"web\" \"shoop\""), "ring.yml").spec();
    HostAddresses host = new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of());
    SpecInputs inputs = new SpecInputs(spec, SpecTemplates.standard(),
        new ConfigMapEnvironment(Map.of(), host), host, Map.of(), "abc123", clock);
    ContainerKeys otherKeys = new ContainerKeys(spec);
    StartPlan otherPlan = SpecPlans.plan(inputs, otherKeys);
    SpecLauncher other = new SpecLauncher(inputs, otherKeys, otherPlan, TcpConnector.sockets());

    assertThatThrownBy(() -> other.prepare(DB.withInstance(1),
        RunState.initial("run-1", otherPlan, clock.instant())))
        .isInstanceOf(Launcher.LaunchException.class)
        .hasMessageContaining("components[0].containers[0].env_vars[2].value:1:")
        .hasMessageContaining("there is no container web/shoop in the spec");
  }

  /** The run started, with the first {@code count} instances of db running. */
  private RunState started(RunState state, int count) {
    Planner planner = new Planner(plan);
    RunState now = planner.decide(state, new RunEvent.StartRequested(), clock.instant()).state();
    for (int n = 1; n <= count; n++) {
      now = planner.decide(now, new RunEvent.ContainerStarted(DB.withInstance(n), "id-" + n,
          Instant.EPOCH, "172.17.0." + (n + 1),
          List.of(new BoundPort(9042, "tcp", "0.0.0.0", 32000 + n))), clock.instant()).state();
    }
    return now;
  }
}
