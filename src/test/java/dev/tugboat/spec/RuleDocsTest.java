package dev.tugboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Vendors look rule ids up in docs/spec-validation.md: every rule must be listed there. */
class RuleDocsTest {
  @Test
  void everyRuleIdIsDocumented() throws Exception {
    String docs = Files.readString(Path.of("docs/spec-validation.md"));
    for (ValidationRule rule : new SpecValidator().rules()) {
      assertThat(docs).contains("| `" + rule.id() + "` |");
    }
    for (String loadRule : new String[] {"unknown-key", "value-type", "duplicate-key", "yaml-tag", "entrypoint-list"}) {
      assertThat(docs).contains("| `" + loadRule + "` |");
    }
  }
}
