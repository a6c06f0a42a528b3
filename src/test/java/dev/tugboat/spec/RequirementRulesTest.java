package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequirementRulesTest {

  private static final String APP = """
      replicated_api_version: 2.8.0
      name: Shop
      components:
      - name: db
        %s
        containers:
        - source: public
          image_name: postgres
          version: "15"
      %s
      """;

  private static String spec(String component, String top) {
    return APP.formatted(component.indent(2).strip(), top);
  }

  @Test
  void hostRequirementsAsReplicatedDocumentedThemPass() {
    String top = """
        host_requirements:
          docker_version: "1.10.3"
          cpu_cores: 2
          cpu_mhz: 2400
          memory: 8GB
          disk_space: 80GB
          docker_space: 10GB
        """;
    assertThat(problems("host-requirements", spec("host_requirements: {memory: 2048MB}", top)))
        .isEmpty();
  }

  @Test
  void badValuesAreErrorsAtTheirPosition() {
    String top = """
        host_requirements:
          docker_version: latest
          cpu_cores: two
          memory: 8 gigs
          disk_space: ""
          gpu: 1
        """;
    assertThat(problems("host-requirements", spec("", top))).containsExactly(
        "app.yml:11:19: error [host-requirements] docker_version \"latest\" is not a version; write"
            + " the lowest Docker Engine version the app needs, such as \"1.10.3\"",
        "app.yml:12:14: error [host-requirements] cpu_cores \"two\" is not a number; write the"
            + " minimum, such as 2",
        "app.yml:13:11: error [host-requirements] memory \"8 gigs\" is not a size; write a number"
            + " with a unit, such as 8GB or 2048MB",
        "app.yml:14:15: error [host-requirements] disk_space has no value; give one or remove the key",
        "app.yml:15:8: warning [host-requirements] unknown host requirement \"gpu\" is not checked;"
            + " Tugboat knows docker_version, cpu_cores, cpu_mhz, memory, disk_space, docker_space,"
            + " replicated_version");
  }

  @Test
  void replicatedVersionIsWarnedAsNotCheckedAndABadRangeIsAnError() {
    assertThat(problems("host-requirements", spec("", "host_requirements:\n  replicated_version: \">=2.3.0 <2.5.0\"")))
        .containsExactly("app.yml:11:23: warning [host-requirements] replicated_version is not"
            + " checked: it names versions of Replicated (which upgraded itself to match), not of"
            + " Tugboat, and Replicated's own preflight ignored it too");
    assertThat(problems("host-requirements", spec("", "host_requirements:\n  replicated_version: soon")))
        .singleElement().asString().startsWith("app.yml:11:23: error [host-requirements]"
            + " replicated_version \"soon\" is not a version range");
  }

  @Test
  void aComponentsDockerVersionIsWarnedAsIgnored() {
    assertThat(problems("host-requirements", spec("host_requirements:\n  docker_version: 1.10.3", "")))
        .singleElement().asString().contains("warning [host-requirements] docker_version of a"
            + " component is not checked");
  }

  private static String custom(String command) {
    return spec("", """
        custom_requirements:
        - id: data-dir
          message: The data directory exists
          results:
          - status: success
            message: It exists
            condition:
              status_code: 0
          - status: error
            message: It does not
          command:
        %s
        """.formatted(command.indent(4).stripTrailing()));
  }

  @Test
  void commandsTugboatRunsPass() {
    assertThat(problems("custom-requirements", custom("""
        id: scheduler
        timeout: 30
        data:
          component: db
          container: postgres
          cmd: '["test", "-d", "/var/lib/postgresql"]'
        """))).isEmpty();
    assertThat(problems("custom-requirements", custom("id: disk_space_available\ndata: {dir: /var}")))
        .isEmpty();
    assertThat(problems("custom-requirements", custom("id: tcp_dial\ndata: {addr: 'db:5432'}")))
        .isEmpty();
    assertThat(problems("custom-requirements", custom("id: port_available\ndata: {port: '80'}")))
        .isEmpty();
  }

  @Test
  void rawIsRefusedWithWhatToDoInstead() {
    assertThat(problems("custom-requirements", custom("id: raw\ndata:\n  cmd: '[\"true\"]'")))
        .containsExactly("app.yml:21:9: error [custom-requirements] command raw runs in Replicated's"
            + " own command image (replicated/cmd), which Tugboat does not have; run the check with"
            + " id: scheduler and data: {component, container, cmd} naming a container of this"
            + " spec whose image has the tools");
  }

  @Test
  void unknownCommandsContainersAndBadResultsAreErrors() {
    assertThat(problems("custom-requirements", custom("id: smtp_auth")))
        .singleElement().asString().contains("command \"smtp_auth\" is not one Tugboat can run");
    assertThat(problems("custom-requirements", custom("""
        id: scheduler
        timeout: soon
        data: {component: db, container: mysql, cmd: 'test -d /x'}
        """))).containsExactly(
        "app.yml:22:14: error [custom-requirements] timeout \"soon\" is not a number of seconds"
            + " (-1: no timeout)",
        "app.yml:23:11: error [custom-requirements] command scheduler names db/mysql, which is not"
            + " a container of this spec",
        "app.yml:23:50: error [custom-requirements] cmd is not valid JSON (Unrecognized token"
            + " 'test': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
            + " 'false')); write a JSON array in a string, such as '[\"sh\", \"-c\", \"test -e /data\"]'");
    assertThat(problems("custom-requirements", custom("id: tcp_dial").replace("status: error", "status: fatal")))
        .contains("app.yml:18:13: error [custom-requirements] result status \"fatal\" is not"
            + " success, warn or error");
  }
}
