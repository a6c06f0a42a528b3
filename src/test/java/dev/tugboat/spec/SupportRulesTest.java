package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static dev.tugboat.spec.RuleCheck.webAndDb;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupportRulesTest {

  private static final String SECTION = """
      support:
        timeout: 60
        files:
        - filename: /var/log/shop.log
          source:
            replicated: {component: web, container: shop}
        commands:
        - filename: disk.txt
          command: [df, -h]
          source:
            replicated: {component: web, container: shop}
      """;

  @Test
  void theContainersAndTheSectionsEntriesAreRead() throws Exception {
    AppSpec spec = new SpecLoader().load(webAndDb("", """
        support_files:
        - filename: /etc/shop.conf
        support_commands:
        - filename: ps.txt
          command: [ps, aux]""") + SECTION, "app.yml").spec();
    ContainerSpec web = spec.container(new ContainerRef("web", "shop")).orElseThrow();
    assertThat(web.supportFiles()).containsExactly(
        new SupportFileSpec("/etc/shop.conf", Optional.empty()));
    assertThat(web.supportCommands()).containsExactly(
        new SupportCommandSpec("ps.txt", List.of("ps", "aux"), Optional.empty()));
    ContainerRef shop = new ContainerRef("web", "shop");
    assertThat(spec.support()).isEqualTo(new SupportSpec(60,
        List.of(new SupportFileSpec("/var/log/shop.log", Optional.of(shop))),
        List.of(new SupportCommandSpec("disk.txt", List.of("df", "-h"), Optional.of(shop)))));
    assertThat(web.multiHostOptions()).doesNotContainKeys("support_files", "support_commands");
  }

  @Test
  void aFileIsAnAbsolutePath() {
    assertThat(problems("support-file", webAndDb("", "support_files: []") + SECTION)).isEmpty();
    assertThat(problems("support-file", webAndDb("",
        "support_files:\n- filename: var/log/shop.log\n- {}")))
        .containsExactly("app.yml:26:17: error [support-file] support file \"var/log/shop.log\""
                + " is not absolute; give its path in the container from / on",
            "app.yml:27:7: error [support-file] a support file needs filename: the file's"
                + " absolute path in the container (filename: /var/log/app.log)");
  }

  @Test
  void aCommandHasAProgramAndAFileName() {
    assertThat(problems("support-command", webAndDb("",
        "support_commands:\n- {command: [ps, aux]}\n- {filename: x.txt, command: []}")))
        .containsExactly("app.yml:26:7: error [support-command] a support command needs"
                + " filename: the name its output has in the support bundle (filename:"
                + " app-conf.txt)",
            "app.yml:27:7: error [support-command] a support command needs command: the program"
                + " and its arguments as a list (command: [cat, /etc/app.conf])");
  }

  @Test
  void theSectionsEntriesNameAContainerOfTheSpec() {
    assertThat(problems("support-source", webAndDb("", "") + SECTION)).isEmpty();
    assertThat(problems("support-source", webAndDb("", "") + """
        support:
          files:
          - filename: /var/log/shop.log
          - filename: /var/log/shop.log
            source:
              replicated: {component: wbe, container: shop}
          commands:
          - filename: disk.txt
            command: [df]
            source:
              replicated: {component: web, container: shpo}
        """)).containsExactly(
        "app.yml:28:5: error [support-source] name the container this entry is taken from:"
            + " source: {replicated: {component: NAME, container: IMAGE_NAME}}",
        "app.yml:31:31: error [support-source] support source component \"wbe\" is not in the"
            + " spec (did you mean web?)",
        "app.yml:36:47: error [support-source] support source container \"shpo\" is not in"
            + " component web (did you mean shop?); name it by its image_name");
  }
}
