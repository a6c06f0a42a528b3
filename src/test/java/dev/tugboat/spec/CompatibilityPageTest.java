package dev.tugboat.spec;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.docs.CompatibilityPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/compatibility.md says what Tugboat does with every key of the format: each mapping's table
 * lists exactly the keys its reader knows, plus Replicated's keys it does not know marked unknown.
 */
class CompatibilityPageTest {
  /** Each table's heading on the page, and the key set its reader warns against. */
  private static final Map<String, Set<String>> PLACES = Map.ofEntries(
      entry("Top level", AppSpecReader.TOP_LEVEL_KEYS),
      entry("state", AppSpecReader.STATE_KEYS),
      entry("state.ready", AppSpecReader.READY_KEYS),
      entry("cmds[]", AppSpecReader.CMD_KEYS),
      entry("config[]", ConfigReader.GROUP_KEYS),
      entry("config[].items[]", ConfigReader.ITEM_KEYS),
      entry("default_cmd, value_cmd, data_cmd", ConfigReader.CMD_REF_KEYS),
      entry("components[]", ComponentReader.KEYS),
      entry("logs", ContainerReader.LOGS_KEYS),
      entry("log_config", ContainerReader.LOG_CONFIG_KEYS),
      entry("host_volumes[]", ComponentReader.HOST_VOLUME_KEYS),
      entry("components[].containers[]", ContainerReader.KEYS),
      entry("env_vars[]", ContainerReader.ENV_VAR_KEYS),
      entry("ports[]", ContainerReader.PORT_KEYS),
      entry("volumes[]", ContainerReader.VOLUME_KEYS),
      entry("config_files[]", ContainerReader.CONFIG_FILE_KEYS),
      entry("customer_files[]", ContainerReader.CUSTOMER_FILE_KEYS),
      entry("publish_events[]", ContainerReader.EVENT_KEYS),
      entry("subscriptions[]", ContainerReader.SUBSCRIPTION_KEYS),
      entry("restart", ContainerReader.RESTART_KEYS),
      entry("ulimits[]", ContainerOptionsReader.ULIMIT_KEYS),
      entry("extra_hosts[]", ContainerOptionsReader.EXTRA_HOST_KEYS),
      entry("admin_commands[]", AppSpecReader.ADMIN_COMMAND_KEYS),
      entry("admin_commands[].image", AppSpecReader.ADMIN_IMAGE_KEYS));

  @Test
  void everyTableListsExactlyTheKeysItsReaderKnows() throws Exception {
    CompatibilityPage page = CompatibilityPage.read();
    List<String> differences = new ArrayList<>();
    PLACES.forEach((heading, keys) ->
        differences.addAll(page.differences(heading, keys, "the spec reader")));
    assertThat(differences).isEmpty();
  }

  @Test
  void aKeyTheReaderDoesNotKnowIsAWarningThatNamesIt() throws Exception {
    LoadedSpec loaded = new SpecLoader().load("""
        replicated_api_version: 2.9.0
        name: x
        carbon: {port: 2004}
        """, "app.yml");
    assertThat(loaded.problems()).extracting(Problem::toString)
        .containsExactly("app.yml:3:1: warning [unknown-key] unknown key \"carbon\" at the top level");
  }
}
