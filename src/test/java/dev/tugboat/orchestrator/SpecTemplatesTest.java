package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.template.ParsedTemplates;
import dev.tugboat.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run renders from the trees parsed when the spec loaded; only a string not kept is parsed. */
class SpecTemplatesTest {

  private final ConfigMapEnvironment env = new ConfigMapEnvironment(Map.of("mode", "prod"),
      new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1", Map.of()));

  @Test
  void keptTreesAreRenderedWithoutParsingAgain() {
    String path = "components[0].containers[0].env_vars[0].value";
    ParsedTemplates kept = ParsedTemplates.parseAll(Map.of(path, "m={{repl ConfigOption \"mode\"}}"));
    List<String> parsed = new ArrayList<>();
    SpecTemplates templates = SpecTemplates.parsedAtLoad(kept, (raw, field) -> {
      parsed.add(field);
      return Template.parse(raw, field);
    });

    assertThat(templates.render("m={{repl ConfigOption \"mode\"}}", path, env)).isEqualTo("m=prod");
    assertThat(templates.render("m={{repl ConfigOption \"mode\"}}", path, env)).isEqualTo("m=prod");
    assertThat(parsed).isEmpty();

    assertThat(templates.render("{{repl ConfigOption \"mode\"}}!", "other", env)).isEqualTo("prod!");
    assertThat(parsed).containsExactly("other");
  }
}
