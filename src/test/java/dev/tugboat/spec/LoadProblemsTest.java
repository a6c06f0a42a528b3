package dev.tugboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems found while loading a readable file: wrong types, unknown keys, duplicates, tags. */
class LoadProblemsTest {

  private static List<String> problems(String yaml) throws SpecLoadException {
    return new SpecLoader().load(yaml, "app.yml").problems().stream().map(Problem::toText).toList();
  }

  @Test
  void wrongTypesAreErrorsAtTheValue() throws Exception {
    assertThat(problems("""
        replicated_api_version: 2.8.0
        name: [a, b]
        components: none
        config:
        - name: g
          items: {name: a}
        """)).containsExactly(
        "app.yml:2:7: error [value-type] expected a single value for \"name\", found a list",
        "app.yml:3:13: error [value-type] expected a list for \"components\", found \"none\"",
        "app.yml:6:10: error [value-type] expected a list for \"items\", found a mapping");
  }

  @Test
  void booleansAndIntegersMayBeStringsButNotWords() throws Exception {
    String spec = RuleCheck.webAndDb("", "ephemeral: \"true\"\nprivileged: maybe\nrestart: {policy: on-failure, max: lots}");
    assertThat(problems(spec)).containsExactly(
        "app.yml:26:17: error [value-type] expected true or false for \"privileged\", found \"maybe\"",
        "app.yml:27:40: error [value-type] expected an integer for \"max\", found \"lots\"");
  }

  @Test
  void unknownKeysAreWarningsEverywhere() throws Exception {
    assertThat(problems("""
        replicated_api_version: 2.8.0
        name: x
        compnents: []
        state:
          raedy: {}
        """)).containsExactly(
        "app.yml:3:1: warning [unknown-key] unknown key \"compnents\" at the top level (did you mean components?)",
        "app.yml:5:3: warning [unknown-key] unknown key \"raedy\" in state (did you mean ready?)");
  }

  @Test
  void duplicateKeysAreErrors() throws Exception {
    assertThat(problems("replicated_api_version: 2.8.0\nname: x\nname: y\n")).containsExactly(
        "app.yml:3:1: error [duplicate-key] the key \"name\" appears twice in the same mapping; keep one");
  }

  @Test
  void customTagsAreRefusedNotConstructed() throws Exception {
    assertThat(problems("replicated_api_version: 2.8.0\nname: !shell x\n")).containsExactly(
        "app.yml:2:7: error [yaml-tag] the YAML tag !shell is not supported; remove it (specs hold"
            + " only plain strings, numbers, lists and mappings)");
  }

  @Test
  void mergeKeysApply() throws Exception {
    String spec = """
        replicated_api_version: 2.8.0
        name: x
        components:
        - name: a
          containers:
          - &base {source: public, image_name: redis, version: "7"}
          - <<: *base
            name: second
        """;
    LoadedSpec loaded = new SpecLoader().load(spec, "app.yml");
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.spec().components().get(0).containers().get(1))
        .extracting(ContainerSpec::imageName, ContainerSpec::name)
        .containsExactly("redis", "second");
  }
}
