package dev.tugboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SpecLoaderTest {
  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      version: "1.0"
      release_notes: first
      properties:
        app_url: http://{{repl ConfigOption "hostname" }}
      cmds:
      - name: pw
        cmd: random
        args: ["16"]
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: 9.5
          cmd: '["postgres", "-c", "{{repl ConfigOption "x" }}"]'
          ephemeral: "true"
          env_vars:
          - name: OLD
            static_val: old-style
          - name: NEW
            value: new-style
            is_excluded_from_support: "true"
          ports:
          - private_port: 5432
            public_port: "15432"
            port_type: tcp
          volumes:
          - host_path: /data
            container_path: /var/lib/data:rw
          publish_events:
          - name: db up
            trigger: port-listen
            data: "5432"
            subscriptions:
            - component: web
              container: shop
              action: start
          - name: db gone
            trigger: container-stop
            timeout: "-1"
          restart:
            policy: on-failure
            max: "3"
      """;

  private final SpecLoader loader = new SpecLoader();

  @Test
  void loadsScalarsAsWrittenAndNumbersWrittenEitherWay() throws Exception {
    LoadedSpec loaded = loader.load(SPEC, "app.yml");
    assertThat(loaded.problems()).isEmpty();
    AppSpec spec = loaded.spec();
    assertThat(spec.apiVersion()).isEqualTo("2.8.0");
    assertThat(spec.properties()).containsEntry("app_url", "http://{{repl ConfigOption \"hostname\" }}");
    assertThat(spec.cmds()).containsExactly(new CmdSpec("pw", "random", List.of("16")));
    ContainerSpec db = spec.components().get(0).containers().get(0);
    assertThat(db.component()).isEqualTo("db");
    assertThat(db.version()).isEqualTo("9.5");
    assertThat(db.ephemeral()).isTrue();
    assertThat(db.cmd()).containsExactly("postgres", "-c", "{{repl ConfigOption \"x\" }}");
    assertThat(db.ports().get(0).privatePortNumber()).isEqualTo(OptionalInt.of(5432));
    assertThat(db.ports().get(0).publicPort()).isEqualTo("15432");
    assertThat(db.restart()).isEqualTo(new RestartSpec("on-failure", OptionalInt.of(3)));
  }

  @Test
  void staticValIsTheOlderSpellingOfValue() throws Exception {
    ContainerSpec db = loader.load(SPEC, "app.yml").spec().components().get(0).containers().get(0);
    assertThat(db.envVars()).containsExactly(
        new EnvVarSpec("OLD", "old-style", true, "", false),
        new EnvVarSpec("NEW", "new-style", false, "", true));
  }

  @Test
  void containerPathOptionsAreSplitOff() throws Exception {
    VolumeSpec volume =
        loader.load(SPEC, "app.yml").spec().components().get(0).containers().get(0).volumes().get(0);
    assertThat(volume.containerPath()).isEqualTo("/var/lib/data");
    assertThat(volume.options()).containsExactly("rw");
    assertThat(volume.isBindMount()).isTrue();
  }

  @Test
  void eventTimeoutDefaultsTo600AndMinusOneMeansNever() throws Exception {
    List<EventSpec> events =
        loader.load(SPEC, "app.yml").spec().components().get(0).containers().get(0).publishEvents();
    assertThat(events.get(0).timeoutSeconds()).isEqualTo(600);
    assertThat(events.get(1).timeoutSeconds()).isEqualTo(-1);
    assertThat(events.get(1).timeout()).isEmpty();
    assertThat(events.get(0).subscriptions())
        .containsExactly(new SubscriptionSpec("web", "shop", "start"));
  }

  @Test
  void everyValueKeepsItsPosition() throws Exception {
    SourceMap map = loader.load(SPEC, "app.yml").spec().sourceMap();
    assertThat(map.at("components[0].containers[0].env_vars[1].value"))
        .hasToString("app.yml:23:14");
    assertThat(map.at("components[0].containers[0].publish_events[0].subscriptions[0].container"))
        .hasToString("app.yml:38:20");
    assertThat(map.at("components[0].containers[0].name")).hasToString("app.yml:14:5");
  }

  @Test
  void unknownKeysAreWarningsThatSuggestTheKnownKey() throws Exception {
    String spec = """
        replicated_api_version: 2.8.0
        name: x
        components:
        - name: db
          containers:
          - source: public
            image_name: redis
            version: "7"
            ephemral: true
        """;
    assertThat(loader.load(spec, "app.yml").problems())
        .extracting(Problem::toText)
        .containsExactly("app.yml:9:5: warning [unknown-key] unknown key \"ephemral\" in"
            + " components[0].containers[0] (did you mean ephemeral?)");
  }
}
