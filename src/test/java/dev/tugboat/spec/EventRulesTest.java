package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static dev.tugboat.spec.RuleCheck.webAndDb;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventRulesTest {
  private static final String SOUND = webAndDb("", "");

  @Test
  void subscriptionTargetExists() {
    assertThat(problems("subscription-target-exists", SOUND)).isEmpty();
    assertThat(problems("subscription-target-exists", SOUND.replace("container: shop", "container: shp")))
        .containsExactly("app.yml:17:20: error [subscription-target-exists] subscription of event"
            + " \"db ready\" names container web/shp, which does not exist (did you mean shop?)");
    assertThat(problems("subscription-target-exists", SOUND.replace("component: web", "component: wbe")))
        .containsExactly("app.yml:16:20: error [subscription-target-exists] subscription of event"
            + " \"db ready\" names component wbe, which does not exist (did you mean web?)");
  }

  @Test
  void subscriptionMayNameTheContainerByItsName() {
    String byName = webAndDb("", "name: shop-main").replace("container: shop", "container: shop-main");
    assertThat(problems("subscription-target-exists", byName)).isEmpty();
  }

  @Test
  void knownTrigger() {
    assertThat(problems("known-trigger", SOUND)).isEmpty();
    assertThat(problems("known-trigger", SOUND.replace("trigger: port-listen", "trigger: port-listn")))
        .containsExactly("app.yml:13:16: error [known-trigger] event \"db ready\" has unknown trigger"
            + " \"port-listn\" (did you mean port-listen?); known triggers: container-start,"
            + " container-stop, port-listen, exec, container-exit, healthy, http-status, log-match");
  }

  @Test
  void knownAction() {
    assertThat(problems("known-action", SOUND)).isEmpty();
    assertThat(problems("known-action", SOUND.replace("action: start", "action: restart")))
        .containsExactly("app.yml:18:17: error [known-action] subscription of event \"db ready\" has"
            + " unknown action \"restart\"; the only action is start");
  }

  @Test
  void portListenDataIsAPort() {
    assertThat(problems("port-listen-data", SOUND)).isEmpty();
    assertThat(problems("port-listen-data", SOUND.replace("data: \"5432\"", "data: \"postgres\"")))
        .containsExactly("app.yml:14:13: error [port-listen-data] port-listen event \"db ready\" needs"
            + " the port to wait for in \"data\" (1-65535), found \"postgres\"");
  }

  @Test
  void portListenPortIsDeclaredOrWarned() {
    assertThat(problems("port-listen-declared", SOUND)).isEmpty();
    assertThat(problems("port-listen-declared", SOUND.replace("data: \"5432\"", "data: \"5433\"")))
        .containsExactly("app.yml:14:13: warning [port-listen-declared] port-listen event \"db ready\""
            + " waits for port 5433, which container db/postgres does not declare in \"ports\" (its"
            + " image may still expose it; declare it to be sure)");
  }

  @Test
  void portListenMayNameThePublicPort() {
    String spec = SOUND.replace("- private_port: \"5432\"", "- private_port: \"5432\"\n      public_port: \"15432\"")
        .replace("data: \"5432\"", "data: \"15432\"");
    assertThat(problems("port-listen-declared", spec)).isEmpty();
  }

  @Test
  void execHasArgs() {
    String exec = SOUND.replace("trigger: port-listen", "trigger: exec").replace("data: \"5432\"", "data: \"\"");
    assertThat(problems("exec-args", exec.replace("data: \"\"", "args: [pg_isready]"))).isEmpty();
    assertThat(problems("exec-args", exec))
        .containsExactly("app.yml:12:7: error [exec-args] exec event \"db ready\" has no \"args\": give"
            + " the command to run in the container, such as [\"pg_isready\", \"-U\", \"postgres\"]");
  }

  @Test
  void httpStatusHasAnHttpUrlAndAStatusCode() {
    String http = SOUND.replace("trigger: port-listen", "trigger: http-status")
        .replace("data: \"5432\"", "args: [ARGS]");
    assertThat(problems("http-status-args", http.replace("ARGS",
        "\"http://localhost:5432/health\", \"200\""))).isEmpty();
    assertThat(problems("http-status-args", http.replace("ARGS",
        "'http://{{repl ThisNodePrivateIPAddress}}:5432/', '{{repl ConfigOption \"code\"}}'")))
        .isEmpty();
    assertThat(problems("http-status-args", SOUND.replace("trigger: port-listen",
        "trigger: http-status"))).containsExactly("app.yml:12:7: error [http-status-args]"
        + " http-status event \"db ready\" has no \"args\": give the URL to request and the status"
        + " code to wait for, such as [\"http://{{repl ThisNodePrivateIPAddress}}:8080/health\","
        + " \"200\"]");
    assertThat(problems("http-status-args", http.replace("ARGS",
        "\"https://localhost/\", \"ok\", \"5\""))).containsExactly(
        "app.yml:14:14: error [http-status-args] http-status event \"db ready\" requests"
            + " \"https://localhost/\", which is not an http:// URL with a host, such as"
            + " http://localhost:8080/health (the host is replaced by the container's own address;"
            + " https is not probed)",
        "app.yml:14:36: error [http-status-args] http-status event \"db ready\" waits for status"
            + " \"ok\", which is not an HTTP status code (100-599), such as \"200\"",
        "app.yml:14:42: error [http-status-args] http-status event \"db ready\" has 3 args; it"
            + " takes two, the URL and the status code");
    assertThat(problems("http-status-args", http.replace("ARGS", "/health")))
        .containsExactly("app.yml:14:13: error [http-status-args] http-status event \"db ready\""
            + " has no status code: give it as the second arg, such as [\"http://{{repl"
            + " ThisNodePrivateIPAddress}}:8080/health\", \"200\"]",
            "app.yml:14:14: error [http-status-args] http-status event \"db ready\" requests"
            + " \"/health\", which is not an http:// URL with a host, such as"
            + " http://localhost:8080/health (the host is replaced by the container's own address;"
            + " https is not probed)");
  }

  @Test
  void timeoutIsAnIntegerOfAtLeastMinusOne() {
    String withTimeout = SOUND.replace("data: \"5432\"", "data: \"5432\"\n      timeout: %s");
    assertThat(problems("event-timeout", withTimeout.formatted("-1"))).isEmpty();
    assertThat(problems("event-timeout", withTimeout.formatted("\"900\""))).isEmpty();
    assertThat(problems("event-timeout", withTimeout.formatted("-2")))
        .containsExactly("app.yml:15:16: error [event-timeout] event \"db ready\" has timeout -2; use"
            + " seconds (0 or absent: 600) or -1 to wait forever");
    assertThat(problems("event-timeout", withTimeout.formatted("10m")))
        .containsExactly("app.yml:15:16: error [event-timeout] expected an integer for \"timeout\","
            + " found \"10m\"");
  }

  @Test
  void eventNamesAreUniqueAsReplicatedAsks() {
    String webPublishesDbReady = """
        publish_events:
        - name: db ready
          trigger: container-start
          subscriptions: []""";
    assertThat(problems("unique-event-names", SOUND)).isEmpty();
    assertThat(problems("unique-event-names", webAndDb("", webPublishesDbReady)))
        .containsExactly("app.yml:26:13: error [unique-event-names] event \"db ready\" is published"
            + " twice; event names must be unique (first at line 12); rename one");
  }
}
