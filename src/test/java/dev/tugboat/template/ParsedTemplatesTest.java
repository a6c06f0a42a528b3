package dev.tugboat.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsedTemplatesTest {

  @Test
  void parsesEveryFieldAndCollectsEveryError() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("properties.app_url", "http://{{repl ConfigOption \"hostname\" }}");
    sources.put("components[0].containers[0].env_vars[0].value", "{{repl ConfigOptoin \"x\"}}");
    sources.put("components[0].containers[0].env_vars[1].value", "{{repl HostPrivateIpAddress \"DB\" \"redis\"}}");
    sources.put("components[1].containers[0].cmd", "{{repl if true}}");

    ParsedTemplates parsed = ParsedTemplates.parseAll(sources);

    assertThat(parsed.byFieldPath().keySet())
        .containsExactly("properties.app_url", "components[0].containers[0].env_vars[1].value");
    assertThat(parsed.errors())
        .extracting(TemplateException::getMessage)
        .containsExactly(
            "components[0].containers[0].env_vars[0].value:1:8: unknown function \"ConfigOptoin\" (did you mean ConfigOption?)",
            "components[1].containers[0].cmd:1:8: unexpected EOF: {{if}} has no matching {{end}}");
    assertThat(parsed.containerReferences()).containsExactly(new ContainerReference("DB", "redis"));
  }
}
