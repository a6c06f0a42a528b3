package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A component's log_config names the Docker log driver of its containers: a driver must be named,
 * and logs beside a driver that takes no rotation is said to do nothing.
 */
class LogConfigRulesTest {

  private static String web(String component) {
    return """
        replicated_api_version: 2.8.0
        name: Shop
        components:
        - name: web
        %s
          containers:
          - source: public
            image_name: shop
            version: "1"
        """.formatted(component.indent(2).stripTrailing());
  }

  @Test
  void theDriverAndItsOptionsAreReadAsWritten() throws Exception {
    AppSpec spec = new SpecLoader().load(web("""
        log_config:
          type: journald
          config: {tag: shop, labels: "app,tier"}
        """), "app.yml").spec();

    assertThat(spec.components().get(0).logConfig()).isEqualTo(
        new LogConfigSpec("journald", Map.of("tag", "shop", "labels", "app,tier")));
    assertThat(spec.components().get(0).multiHostOptions()).doesNotContainKey("log_config");
  }

  @Test
  void aLogConfigWithoutADriverIsAnErrorThatSaysWhatToWrite() {
    assertThat(problems("log-config", web("""
        log_config:
          config: {tag: shop}
        """))).containsExactly("app.yml:6:5: error [log-config] log_config of component web"
            + " names no log driver; set type to one the engine has (json-file, local, journald,"
            + " syslog, gelf, fluentd, ...), or remove log_config to keep the engine's default");
  }

  @Test
  void aDriverNameWithSpacesIsAnError() {
    assertThat(problems("log-config", web("log_config: {type: json file}")))
        .containsExactly("app.yml:5:22: error [log-config] log_config.type \"json file\" of"
            + " component web is not a log driver's name; give a driver such as journald, or a"
            + " plugin's name such as vendor/driver:tag");
  }

  @Test
  void builtInDriversPluginsAndTemplatesPass() {
    for (String type : new String[] {"json-file", "local", "none", "gelf",
        "grafana/loki-docker-driver:2.9.2", "'{{repl ConfigOption \"log_driver\"}}'"}) {
      assertThat(problems("log-config", web("log_config: {type: " + type + "}"))).as(type)
          .isEmpty();
    }
  }

  @Test
  void unknownKeysUnderLogConfigAreNamedWithTheClosestKnownOne() {
    assertThat(problems("unknown-key", web("log_config: {type: journald, options: {tag: x}}")))
        .containsExactly("app.yml:5:32: warning [unknown-key] unknown key \"options\" in"
            + " components[0].log_config");
  }

  @Test
  void logsBesideADriverThatTakesNoRotationIsAWarningAtEachLogs() {
    String spec = """
        replicated_api_version: 2.8.0
        name: Shop
        components:
        - name: web
          log_config: {type: syslog}
          logs: {max_size: 10m}
          containers:
          - source: public
            image_name: shop
            version: "1"
            logs: {max_files: "3"}
        """;

    assertThat(problems("log-config-logs", spec)).containsExactly(
        "app.yml:6:9: warning [log-config-logs] logs of component web has no effect with log"
            + " driver syslog: max_size and max_files are options of json-file and local; set"
            + " syslog's own options under log_config.config",
        "app.yml:11:11: warning [log-config-logs] logs of container web/shop has no effect with"
            + " log driver syslog: max_size and max_files are options of json-file and local; set"
            + " syslog's own options under log_config.config");
  }

  @Test
  void aContainersOwnLogConfigIsReadAndCheckedLikeAComponents() throws Exception {
    String yaml = """
        replicated_api_version: 2.8.0
        name: Shop
        components:
        - name: web
          log_config: {type: syslog}
          logs: {max_size: 10m}
          containers:
          - source: public
            image_name: shop
            version: "1"
            log_config: {type: local, config: {compress: "false"}}
          - source: public
            image_name: worker
            version: "1"
            log_config: {config: {tag: w}}
        """;

    AppSpec spec = new SpecLoader().load(yaml, "app.yml").spec();
    assertThat(spec.components().get(0).containers().get(0).options().logConfig())
        .isEqualTo(new LogConfigSpec("local", Map.of("compress", "false")));
    assertThat(problems("log-config", yaml)).containsExactly("app.yml:15:17: error [log-config]"
        + " log_config of container web/worker names no log driver; set type to one the engine"
        + " has (json-file, local, journald, syslog, gelf, fluentd, ...), or remove log_config to"
        + " keep the engine's default");
    // The component's logs rotate web/shop's local log: no warning.
    assertThat(problems("log-config-logs", yaml)).isEmpty();
  }

  @Test
  void aLogMatchEventOfAContainerThatLogsNowhereIsAnError() {
    String yaml = """
        replicated_api_version: 2.8.0
        name: Shop
        components:
        - name: web
          log_config: {type: none}
          containers:
          - source: public
            image_name: shop
            version: "1"
            publish_events:
            - name: shop ready
              trigger: log-match
              data: listening
              subscriptions: []
        """;

    assertThat(problems("log-match-unreadable", yaml)).containsExactly("app.yml:12:16: error"
        + " [log-match-unreadable] event \"shop ready\" of container web/shop matches the"
        + " container's output, which log driver none keeps nowhere: it could never fire; give the"
        + " container another log driver");
    assertThat(problems("log-match-unreadable", yaml.replace("type: none", "type: syslog")))
        .isEmpty();
  }

  @Test
  void logsBesideJsonFileOrLocalIsNoProblem() {
    for (String type : new String[] {"json-file", "local"}) {
      assertThat(problems("log-config-logs", web("log_config: {type: " + type + "}\n"
          + "logs: {max_size: 10m}"))).as(type).isEmpty();
    }
  }
}
