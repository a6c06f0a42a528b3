package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** backup.enabled decides whether snapshots are taken: a value that is no boolean fails at load. */
class BackupRulesTest {

  private static String withEnabled(String enabled) {
    return """
        replicated_api_version: 2.8.0
        name: Shop
        backup:
          enabled: %s
        """.formatted(enabled);
  }

  @Test
  void aLiteralThatIsNoBooleanIsAnErrorAtItsPositionWithWhatToWrite() {
    assertThat(problems("backup-enabled", withEnabled("sometimes"))).containsExactly(
        "app.yml:4:12: error [backup-enabled] backup.enabled is \"sometimes\"; give true or"
            + " false, or a template that gives one ('{{repl ConfigOptionEquals \"backups\""
            + " \"1\"}}')");
  }

  @Test
  void booleansAsGoAndYamlWriteThemAndTemplatesPass() {
    for (String enabled : new String[] {"true", "false", "yes", "off", "\"1\"", "'0'", "True",
        "'{{repl ConfigOptionEquals \"backups\" \"1\"}}'"}) {
      assertThat(problems("backup-enabled", withEnabled(enabled))).as(enabled).isEmpty();
    }
  }

  @Test
  void aPauseThatIsNoBooleanIsAnErrorAtTheKeyAsWritten() {
    assertThat(problems("backup-pause", """
        replicated_api_version: 2.8.0
        name: Shop
        backup:
          pause_all: always
        """)).containsExactly("app.yml:4:14: error [backup-pause] backup.pause_all is"
            + " \"always\"; give true or false, or a template that gives one");
    assertThat(problems("backup-pause", """
        replicated_api_version: 2.8.0
        name: Shop
        backup:
          pause_containers: '{{repl LicenseFieldValue "zero_downtime"}}'
        """)).isEmpty();
  }

  @Test
  void pauseAllIsTheOlderSpellingOfPauseContainers() throws Exception {
    AppSpec spec = new SpecLoader().load("""
        replicated_api_version: 2.8.0
        name: Shop
        backup: {pause_all: true}
        """, "app.yml").spec();

    assertThat(spec.backup()).isEqualTo(new BackupSpec("", "true", "", ""));
    assertThat(spec.backup().switchable()).isFalse();
  }

  @Test
  void aRenderedSwitchReadsGoAndYamlBooleansAndNothingAsFalse() {
    assertThat(BackupSpec.parseSwitch(" TRUE ")).contains(true);
    assertThat(BackupSpec.parseSwitch("On")).contains(true);
    assertThat(BackupSpec.parseSwitch("")).contains(false);
    assertThat(BackupSpec.parseSwitch("F")).contains(false);
    assertThat(BackupSpec.parseSwitch("maybe")).isEqualTo(Optional.empty());
  }
}
