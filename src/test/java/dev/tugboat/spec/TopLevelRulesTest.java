package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static dev.tugboat.spec.RuleCheck.webAndDb;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopLevelRulesTest {

  @Test
  void apiVersionIsSemverWithAKnownMajor() {
    assertThat(problems("api-version", webAndDb("", ""))).isEmpty();
    assertThat(problems("api-version", webAndDb("", "").replace("2.8.0", "1.3.2-rc.1"))).isEmpty();
    assertThat(problems("api-version", webAndDb("", "").replace("2.8.0", "2.8")))
        .containsExactly("app.yml:1:25: error [api-version] replicated_api_version \"2.8\" is not a"
            + " semantic version; write three numbers, such as 2.8.0");
    assertThat(problems("api-version", webAndDb("", "").replace("2.8.0", "4.0.0")))
        .containsExactly("app.yml:1:25: error [api-version] replicated_api_version 4.0.0 has major"
            + " version 4, which Tugboat does not know; it reads 1.x and 2.x");
  }

  @Test
  void anAdminCommandsTimeoutIsNotNegative() {
    String admin = "admin_commands:\n- {alias: dump, command: [pg_dumpall], component: db,"
        + " container: postgres, timeout: %s}\n";
    assertThat(problems("admin-timeout", webAndDb("", "") + admin.formatted("900"))).isEmpty();
    assertThat(problems("admin-timeout", webAndDb("", "") + admin.formatted("-1")))
        .containsExactly("app.yml:27:85: error [admin-timeout] timeout -1 of admin command 'dump'"
            + " is negative; give the seconds it may run (absent or 0: 60 s)");
  }

  @Test
  void componentNamesAreUnique() {
    assertThat(problems("unique-component-names", webAndDb("", ""))).isEmpty();
    assertThat(problems("unique-component-names", webAndDb("", "").replace("- name: web", "- name: db")))
        .containsExactly("app.yml:20:9: error [unique-component-names] component name \"db\" is"
            + " already used by components[0] (line 4); component names must be unique");
  }

  @Test
  void requiredFields() {
    assertThat(problems("required-fields", webAndDb("", ""))).isEmpty();
    assertThat(problems("required-fields", webAndDb("", "").replace("    version: \"1.0\"\n", "")))
        .containsExactly("app.yml:22:5: error [required-fields] container"
            + " components[1].containers[0] has no \"version\"; it is required");
    assertThat(problems("required-fields", webAndDb("", "").replace("action: start", "action: \"\"")))
        .containsExactly("app.yml:18:17: error [required-fields] subscription"
            + " components[0].containers[0].publish_events[0].subscriptions[0] has no \"action\"; it"
            + " is required");
  }

  @Test
  void readyCommandIsOneTheRunKnows() {
    String ready = webAndDb("", "") + "state:\n  ready:\n    command: %s\n    args: [\"8080\"]\n";
    assertThat(problems("ready-command", ready.formatted("tcp_port_accept"))).isEmpty();
    assertThat(problems("ready-command", ready.formatted("http_status_code"))).isEmpty();
    assertThat(problems("ready-command", ready.formatted("tcp_port_acept")))
        .containsExactly("app.yml:28:14: error [ready-command] unknown ready command"
            + " \"tcp_port_acept\": use http_status_code or tcp_port_accept (did you mean"
            + " tcp_port_accept?)");
  }
}
