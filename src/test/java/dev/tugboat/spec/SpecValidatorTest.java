package dev.tugboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

  @Test
  void aSoundSpecHasNoProblems() throws Exception {
    LoadedSpec loaded = new SpecLoader().load(RuleCheck.webAndDb("", ""), "app.yml");
    assertThat(loaded.problems()).isEmpty();
    assertThat(new SpecValidator().validate(loaded.spec())).isEmpty();
  }

  @Test
  void everyRuleHasADistinctId() {
    List<String> ids = new SpecValidator().rules().stream().map(ValidationRule::id).toList();
    assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(25);
  }

  @Test
  void problemsComeInFileOrder() throws Exception {
    String spec = """
        replicated_api_version: "3.0.0"
        components:
        - containers:
          - source: public
        """;
    LoadedSpec loaded = new SpecLoader().load(spec, "app.yml");
    assertThat(new SpecValidator().validate(loaded.spec()))
        .extracting(Problem::toText)
        .containsExactly(
            "app.yml:1:1: error [required-fields] the spec has no \"name\"; it is required",
            "app.yml:1:25: error [api-version] replicated_api_version 3.0.0 has major version 3,"
                + " which Tugboat does not know; it reads 1.x and 2.x",
            "app.yml:3:3: error [required-fields] component components[0] has no \"name\"; it is required",
            "app.yml:4:5: error [required-fields] container components[0].containers[0] has no"
                + " \"image_name\"; it is required",
            "app.yml:4:5: error [required-fields] container components[0].containers[0] has no"
                + " \"version\"; it is required");
  }

  @Test
  void extraRulesPlugIn() throws Exception {
    ValidationRule noShops = ValidationRule.of("no-shops", (spec, findings) ->
        spec.containers().filter(c -> c.imageName().equals("shop"))
            .forEach(c -> findings.warning("components[1].containers[0].image_name", "no shops")));
    LoadedSpec loaded = new SpecLoader().load(RuleCheck.webAndDb("", ""), "app.yml");
    assertThat(new SpecValidator(List.of(noShops)).validate(loaded.spec()))
        .extracting(Problem::toText)
        .containsExactly("app.yml:23:17: warning [no-shops] no shops");
  }
}
