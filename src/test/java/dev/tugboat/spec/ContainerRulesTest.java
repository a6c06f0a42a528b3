package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static dev.tugboat.spec.RuleCheck.webAndDb;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerRulesTest {

  @Test
  void containerNamesAreUnique() {
    assertThat(problems("unique-container-names", webAndDb("name: db1", "name: web1"))).isEmpty();
    assertThat(problems("unique-container-names", webAndDb("name: main", "name: main")))
        .containsExactly("app.yml:25:11: error [unique-container-names] container name \"main\" is"
            + " already used by components[0].containers[0] (line 19); Docker needs container names"
            + " to be unique");
  }

  @Test
  void cmdIsAJsonArrayOfStrings() {
    assertThat(problems("cmd-json-array", webAndDb("", "cmd: '[\"python\", \"app.py\"]'"))).isEmpty();
    assertThat(problems("cmd-json-array", webAndDb("", "cmd: \"\""))).isEmpty();
    assertThat(problems("cmd-json-array", webAndDb("", "cmd: python app.py")))
        .containsExactly("app.yml:25:10: error [cmd-json-array] cmd of container web/shop is not"
            + " valid JSON (Unrecognized token 'python': was expecting (JSON String, Number, Array,"
            + " Object or token 'null', 'true' or 'false')); write a JSON array of strings in a"
            + " string, such as '[\"python\", \"manage.py\", \"migrate\"]'");
    assertThat(problems("cmd-json-array", webAndDb("", "cmd: '[\"sleep\", 5]'")))
        .containsExactly("app.yml:25:10: error [cmd-json-array] cmd of container web/shop has"
            + " element 1 that is not a string (5); write a JSON array of strings in a string, such"
            + " as '[\"python\", \"manage.py\", \"migrate\"]'");
  }

  @Test
  void aTemplatedCmdIsCheckedOnceRendered() throws Exception {
    String templated = "cmd: '{{repl if ConfigOptionEquals \"debug\" \"1\"}}[\"app\", \"-v\"]{{repl else}}[\"app\"]{{repl end}}'";
    assertThat(problems("cmd-json-array", webAndDb("", templated))).isEmpty();
    ContainerSpec web = new SpecLoader().load(webAndDb("", templated), "app.yml").spec()
        .components().get(1).containers().get(0);
    assertThat(web.cmd()).isEmpty();
    assertThat(web.cmdNeedsRendering()).isTrue();
    assertThat(new CmdJson().parse("[\"app\", \"-v\"]")).isEqualTo(new CmdJson.Parsed(java.util.List.of("app", "-v")));
  }

  @Test
  void actionsInsideElementsMayHoldQuotes() throws Exception {
    String spec = webAndDb("", "cmd: '[\"redis-server\", \"--requirepass\", \"{{repl ConfigOption \"pw\"}}\"]'");
    assertThat(problems("cmd-json-array", spec)).isEmpty();
    ContainerSpec web = new SpecLoader().load(spec, "app.yml").spec().components().get(1).containers().get(0);
    assertThat(web.cmd()).containsExactly("redis-server", "--requirepass", "{{repl ConfigOption \"pw\"}}");
  }

  @Test
  void entrypointIsAList() {
    assertThat(problems("entrypoint-list", webAndDb("", "entrypoint: [/bin/sh, -c]"))).isEmpty();
    assertThat(problems("entrypoint-list", webAndDb("", "entrypoint: /bin/sh -c")))
        .containsExactly("app.yml:25:17: error [entrypoint-list] expected a list for \"entrypoint\","
            + " found \"/bin/sh -c\"");
  }

  @Test
  void restartPolicyIsKnownAndMaxOnlyWithOnFailure() {
    assertThat(problems("restart-policy", webAndDb("", "restart: {policy: on-failure, max: 3}"))).isEmpty();
    assertThat(problems("restart-policy", webAndDb("", "restart: {policy: sometimes}")))
        .containsExactly("app.yml:25:23: error [restart-policy] restart policy \"sometimes\" of"
            + " container web/shop is unknown; use never, always or on-failure");
    assertThat(problems("restart-policy", webAndDb("", "restart: {policy: always, max: 3}")))
        .containsExactly("app.yml:25:36: error [restart-policy] restart max applies only to policy"
            + " on-failure, but container web/shop has policy always");
  }

  @Test
  void anEphemeralContainerThatRestartsAlwaysIsAWarning() {
    assertThat(problems("ephemeral-restart", webAndDb("", "ephemeral: true\nrestart: {policy: on-failure}")))
        .isEmpty();
    assertThat(problems("ephemeral-restart", webAndDb("", "ephemeral: true\nrestart: {policy: always}")))
        .containsExactly("app.yml:26:23: warning [ephemeral-restart] container web/shop is ephemeral"
            + " (expected to exit) but has restart policy always, so it is started again every time it"
            + " completes; use on-failure or never");
  }

  @Test
  void sizesParse() {
    assertThat(problems("size-format", webAndDb("", "memory_limit: 512m\nshm_size: \"1073741824\"\n"
        + "memory_swap_limit: \"-1\"\nlogs: {max_size: 10m}"))).isEmpty();
    assertThat(problems("size-format", webAndDb("", "memory_limit: lots")))
        .containsExactly("app.yml:25:19: error [size-format] memory_limit \"lots\" is not a size;"
            + " write bytes (1048576) or a number with k, m or g (512m, 1g)");
  }

  @Test
  void aConfigFileFromGitHubIsRefusedWithHowToInlineIt() {
    assertThat(problems("config-file-source", webAndDb("", "config_files:\n"
        + "- {filename: /etc/shop.conf, contents: \"port=80\"}"))).isEmpty();
    assertThat(problems("config-file-source", webAndDb("", "config_files:\n"
        + "- filename: /etc/shop.conf\n  source: github\n  owner: vendor\n  repo: shop-config\n"
        + "  path: conf/shop.conf\n  ref: v1.2")))
        .containsExactly("app.yml:27:15: error [config-file-source] config file /etc/shop.conf of"
            + " container web/shop is taken from github (vendor/shop-config conf/shop.conf at v1.2),"
            + " which Tugboat does not fetch: an on-prem host does not reach GitHub at run time. Put"
            + " the file's text in \"contents:\" (a block scalar, `contents: |`) and remove source,"
            + " owner, repo, path and ref");
  }
}
