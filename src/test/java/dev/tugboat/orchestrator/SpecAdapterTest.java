package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.RunEvent;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.FileOwner;
import dev.tugboat.runtime.HostBinding;
import dev.tugboat.runtime.HostPathAccess;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.runtime.Protocol;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecLoader;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.trigger.TcpConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** From a loaded spec to the plan and to what the runtime creates, with templates rendered. */
class SpecAdapterTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop Demo
      components:
      - name: db
        log_config: {type: journald, config: {tag: db}}
        containers:
        - source: public
          image_name: postgres
          version: "15"
          ports:
          - private_port: "5432"
            public_port: "15432"
          publish_events:
          - name: db up
            trigger: port-listen
            data: "5432"
            timeout: -1
            subscriptions:
            - component: web
              container: shop
              action: start
      - name: web
        containers:
        - source: replicated
          image_name: shop
          version: "2"
          cmd: '["serve", "--db", "{{repl ThisNodePrivateIPAddress}}:{{repl ContainerExposedPort "db" "postgres" "5432"}}"]'
          env_vars:
          - name: MODE
            value: '{{repl ConfigOption "mode"}}'
          - name: DEBUG
            value: "1"
            when: '{{repl ConfigOptionEquals "mode" "debug"}}'
          volumes:
          - host_path: /srv/shop
            container_path: /data:rw
            permission: "0750"
            owner: "999:999"
          - host_path: shop-cache
            container_path: /cache
            options: ["ro"]
          config_files:
          - filename: /etc/shop.conf
            contents: 'mode={{repl ConfigOption "mode"}}'
            file_mode: "0600"
            file_owner: "1000:1000"
          restart:
            policy: on-failure
            max: 3
          stop_timeout: "3"
          memory_limit: 512m
          log_config: {type: syslog}
          labels:
            team: shop
      - name: extra
        containers:
        - source: public
          image_name: busybox
          version: "1"
          when: '{{repl ConfigOptionEquals "mode" "debug"}}'
      """;

  private static final ContainerKey DB = ContainerKey.parse("db/postgres");
  private static final ContainerKey WEB = ContainerKey.parse("web/shop");

  private final ManualClock clock = new ManualClock();
  private final AppSpec spec;
  private final SpecInputs in;
  private final ContainerKeys keys;

  SpecAdapterTest() throws Exception {
    spec = new SpecLoader().load(SPEC, "shop.yml").spec();
    HostAddresses host = new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of());
    in = new SpecInputs(spec, SpecTemplates.standard(), config(Map.of("mode", "prod")), host,
        Map.of("replicated", "registry.example.com:5000"), "abc123", clock);
    keys = new ContainerKeys(spec);
  }

  @Test
  void planFollowsTheEventsAndSkipsWhatWhenTurnsOff() {
    StartPlan plan = SpecPlans.plan(in, keys);

    assertThat(plan.toText()).isEqualTo("""
        start db/postgres (root)
        skip extra/busybox (when is false)
        start web/shop <- "db up" (port-listen 5432 on db/postgres)
        """);
    assertThat(plan.event("db up").timeout()).isEmpty();
    assertThat(plan.container(WEB).restart())
        .isEqualTo(new RestartPolicy(RestartPolicy.Kind.ON_FAILURE, 3));
    assertThat(plan.container(WEB).stopTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(plan.container(WEB).image()).isEqualTo("registry.example.com:5000/shop:2");
    assertThat(plan.container(DB).image()).isEqualTo("postgres:15");
  }

  @Test
  void anHttpStatusEventIsPlannedWithItsUrlRendered() throws Exception {
    AppSpec http = new SpecLoader().load("""
        replicated_api_version: 2.8.0
        name: Shop Demo
        components:
        - name: web
          containers:
          - source: public
            image_name: shop
            version: "2"
            publish_events:
            - name: shop answers
              trigger: http-status
              args: ["http://{{repl ThisNodePrivateIPAddress}}:8080/health", "200"]
              subscriptions:
              - {component: web, container: worker, action: start}
          - {source: public, image_name: worker, version: "2"}
        """, "shop.yml").spec();
    HostAddresses host = new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of());
    SpecInputs inputs = new SpecInputs(http, SpecTemplates.standard(), config(Map.of()), host,
        Map.of(), "abc123", clock);

    assertThat(SpecPlans.plan(inputs, new ContainerKeys(http)).toText()).isEqualTo("""
        start web/shop (root)
        start web/worker <- "shop answers" (http-status [http://10.0.0.5:8080/health, 200] on web/shop)
        """);
  }

  @Test
  void containerIsRenderedWithTheAddressAndPortOfTheContainersAlreadyRunning() {
    StartPlan plan = SpecPlans.plan(in, keys);
    SpecLauncher launcher = new SpecLauncher(in, keys, plan, TcpConnector.sockets());
    RunState state = withDbRunning(plan);

    PreparedContainer web = launcher.prepare(WEB, state);
    ContainerConfig config = web.config();

    assertThat(config.name()).isEqualTo("tugboat-shop-demo-web-shop-1");
    assertThat(config.image()).isEqualTo("registry.example.com:5000/shop:2");
    assertThat(config.cmd()).containsExactly("serve", "--db", "10.0.0.5:15432");
    assertThat(config.env()).isEqualTo(Map.of("MODE", "prod"));
    assertThat(config.labels()).containsEntry("dev.tugboat.app", "shop-demo")
        .containsEntry("dev.tugboat.run", "run-1").containsEntry("dev.tugboat.component", "web")
        .containsEntry("dev.tugboat.container", "shop").containsEntry("dev.tugboat.spec", "abc123")
        .containsEntry("team", "shop");
    assertThat(config.mounts()).containsExactly(new Mount.Bind("/srv/shop", "/data", false,
        new HostPathAccess(OptionalInt.of(0750), Optional.of(FileOwner.parse("999:999")))),
        new Mount.Volume("shop-cache", "/cache", true));
    assertThat(config.memoryBytes()).isEqualTo(512L << 20);
    assertThat(config.stopTimeout()).contains(Duration.ofSeconds(3));
    assertThat(web.files()).hasSize(1);
    assertThat(web.files().get(0).path()).isEqualTo("/etc/shop.conf");
    assertThat(new String(web.files().get(0).content())).isEqualTo("mode=prod");
    assertThat(web.files().get(0).mode()).isEqualTo(0600);
    assertThat(web.files().get(0).owner()).isEqualTo("1000:1000");
  }

  @Test
  void aPortThatIsNotPublishedIsAnErrorNotAnEmptyValue() {
    StartPlan plan = SpecPlans.plan(in, keys);
    SpecLauncher launcher = new SpecLauncher(in, keys, plan, TcpConnector.sockets());

    assertThatThrownBy(() -> launcher.prepare(WEB, withDbRunning(plan, "172.17.0.2", List.of())))
        .isInstanceOf(Launcher.LaunchException.class)
        .hasMessageContaining("db/postgres publishes no host port for port 5432, so web/shop cannot"
            + " use it: list it in that container's ports, or let Docker publish it (the image"
            + " EXPOSEs it and disable_publish_all_ports is not set)");
    // With host networking the port is the host's own.
    assertThat(launcher.prepare(WEB, withDbRunning(plan, "127.0.0.1", List.of())).config().cmd())
        .containsExactly("serve", "--db", "10.0.0.5:5432");
  }

  @Test
  void portsArePublishedAsTheSpecSays() {
    SpecLauncher launcher = new SpecLauncher(in, keys, SpecPlans.plan(in, keys),
        TcpConnector.sockets());

    ContainerConfig db = launcher.prepare(DB, RunState.nothingStarted(keys.keys(), clock.instant()))
        .config();

    assertThat(db.ports()).containsExactly(new PortMapping(5432, Protocol.TCP,
        Optional.of(HostBinding.anyAddress(15432))));
  }

  @Test
  void aVolumePermissionThatRendersToNoModeFailsTheLaunchNamingTheField() throws Exception {
    AppSpec broken = new SpecLoader().load("""
        replicated_api_version: 2.8.0
        name: Shop Demo
        components:
        - name: web
          containers:
          - source: public
            image_name: shop
            version: "2"
            volumes:
            - host_path: /srv/shop
              container_path: /data
              permission: '{{repl ConfigOption "mode"}}'
        """, "shop.yml").spec();
    HostAddresses host = new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of());
    SpecInputs inputs = new SpecInputs(broken, SpecTemplates.standard(),
        config(Map.of("mode", "prod")), host, Map.of(), "abc123", clock);
    ContainerKeys brokenKeys = new ContainerKeys(broken);
    SpecLauncher launcher = new SpecLauncher(inputs, brokenKeys,
        SpecPlans.plan(inputs, brokenKeys), TcpConnector.sockets());

    assertThatThrownBy(() -> launcher.prepare(WEB,
        RunState.nothingStarted(brokenKeys.keys(), clock.instant())))
        .isInstanceOf(Launcher.LaunchException.class)
        .hasMessageEndingWith("volumes[0]: permission \"prod\" is not an octal mode; write it"
            + " like 0755 or 0700");
  }

  @Test
  void aReferenceToAContainerThatHasNotStartedNamesBoth() {
    SpecLauncher launcher = new SpecLauncher(in, keys, SpecPlans.plan(in, keys),
        TcpConnector.sockets());

    assertThatThrownBy(() -> launcher.prepare(WEB,
        RunState.nothingStarted(keys.keys(), clock.instant())))
        .isInstanceOf(Launcher.LaunchException.class)
        .hasMessageContaining("components[1].containers[0].cmd[2]:1:")
        .hasMessageContaining("db/postgres has not started yet, so web/shop cannot use its port "
            + "5432: start web/shop on an event of db/postgres");
  }

  @Test
  void needsListTheImagesHostPortsAndLogDriversOfTheContainersThatRun() {
    StartPlan plan = SpecPlans.plan(in, keys);
    PreflightNeeds needs = SpecNeeds.of(in, keys, plan,
        new SpecLauncher(in, keys, plan, TcpConnector.sockets()));

    assertThat(needs.images()).containsExactly(
        new PreflightNeeds.ImageNeed("postgres:15", List.of(DB), "public"),
        new PreflightNeeds.ImageNeed("registry.example.com:5000/shop:2", List.of(WEB),
            "replicated"));
    assertThat(needs.ports()).containsExactly(new PreflightNeeds.PortNeed("", 15432, "tcp", DB));
    // web/shop needs db's facts to render; its driver is taken as written.
    assertThat(needs.logDrivers()).containsExactly(
        new PreflightNeeds.LogDriverNeed("journald", List.of(DB)),
        new PreflightNeeds.LogDriverNeed("syslog", List.of(WEB)));
  }

  private RunState withDbRunning(StartPlan plan) {
    return withDbRunning(plan, "172.17.0.2", List.of(new BoundPort(5432, "tcp", "0.0.0.0", 15432)));
  }

  private RunState withDbRunning(StartPlan plan, String address, List<BoundPort> ports) {
    Planner planner = new Planner(plan);
    RunState state = RunState.initial("run-1", plan, clock.instant());
    state = planner.decide(state, new RunEvent.StartRequested(), clock.instant()).state();
    return planner.decide(state, new RunEvent.ContainerStarted(DB, "id-db", Instant.EPOCH,
        address, ports), clock.instant()).state();
  }

  private static TemplateEnvironment config(Map<String, String> values) {
    return new ConfigMapEnvironment(values,
        new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of()));
  }
}
