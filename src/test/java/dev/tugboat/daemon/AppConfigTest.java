package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.ConfigItemView;
import dev.tugboat.api.ConfigView;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's config values as the API changes them, on a settings file in a temp directory. */
class AppConfigTest {

  static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      version: "3.1"
      cmds:
      - {name: pw, cmd: random, args: ["20"]}
      config:
      - name: main
        title: Main settings
        description: What every install sets
        items:
        - {name: mode, type: select_one, default: small, items: [{name: small}, {name: large}]}
        - {name: admin_pw, type: password, value_cmd: {name: pw, value_at: 0}}
      """;

  @TempDir Path dir;

  @Test
  void unsetFallsBackToTheDefaultAndRegeneratesAValueCmd() throws Exception {
    AppConfig config = config();
    AppSpec spec = spec(SPEC);
    config.read(spec);
    String generated = Files.readString(dir.resolve("settings.json"));
    config.write(spec, Map.of("mode", "large"));

    AppConfig.Read read = config.unset(spec, List.of("mode", "admin_pw"));

    assertThat(item(read, "mode").value()).isEqualTo("small");
    assertThat(item(read, "mode").source()).isEqualTo("default");
    assertThat(item(read, "admin_pw").value()).isEqualTo("********");
    assertThat(Files.readString(dir.resolve("settings.json"))).doesNotContain("large")
        .isNotEqualTo(generated);
  }

  @Test
  void unsetOfAnItemTheSpecDoesNotHaveIs404AndChangesNothing() throws Exception {
    AppConfig config = config();
    AppSpec spec = spec(SPEC);
    config.write(spec, Map.of("mode", "large"));
    String before = Files.readString(dir.resolve("settings.json"));

    assertThatThrownBy(() -> config.unset(spec, List.of("mode", "nope")))
        .isInstanceOfSatisfying(AppRefusal.class, e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.NOT_FOUND))
        .hasMessage("no config item 'nope' in this spec; the items are mode, small, large, admin_pw");
    assertThat(Files.readString(dir.resolve("settings.json"))).isEqualTo(before);
  }

  @Test
  void readGivesGroupsWithTitlesAndEachWhenWithWhatItGivesNow() {
    AppSpec spec = spec("""
        replicated_api_version: 2.8.0
        name: Shop
        version: "3.1"
        config:
        - name: main
          title: Main settings
          description: What every install sets
          items:
          - {name: mode, type: select_one, default: small, items: [{name: small}, {name: large}]}
          - {name: workers, type: text, default: "4", when: mode=large}
          - {name: tier, type: text, default: basic, when: mode!=large}
        - name: extra
          title: Extras
          when: '{{repl ConfigOptionEquals "mode" "large"}}'
          items:
          - {name: cache_mb, type: text, default: "64"}
        """);

    ConfigView view = config().read(spec).view();

    assertThat(view.groups()).extracting(ConfigView.Group::name, ConfigView.Group::title,
            ConfigView.Group::description, ConfigView.Group::shown)
        .containsExactly(tuple("main", "Main settings", "What every install sets", true),
            tuple("extra", "Extras", "", false));
    assertThat(view.groups().get(1).when()).isEqualTo("{{repl ConfigOptionEquals \"mode\" \"large\"}}");
    assertThat(view.groups().get(0).items()).extracting(ConfigItemView::name,
            ConfigItemView::when, ConfigItemView::shown)
        .containsExactly(tuple("mode", "", true), tuple("small", "", true),
            tuple("large", "", true), tuple("workers", "mode=large", false),
            tuple("tier", "mode!=large", true));
    assertThat(view.items()).extracting(ConfigItemView::name)
        .containsExactly("mode", "small", "large", "workers", "tier", "cache_mb");
    assertThat(view.items().get(5).shown()).isFalse();
  }

  AppConfig config() {
    return new AppConfig(dir.resolve("settings.json"),
        new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of("eth0", "10.0.0.5")),
        Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC));
  }

  static ConfigItemView item(AppConfig.Read read, String name) {
    return read.view().items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  static AppSpec spec(String text) {
    try {
      return new SpecLoader().load(text, "shop.yml").spec();
    } catch (dev.tugboat.spec.SpecLoadException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
