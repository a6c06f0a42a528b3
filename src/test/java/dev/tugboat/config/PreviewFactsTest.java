package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.UnavailableFactException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewFactsTest {

  private static final AppSpec SPEC = TestSpecs.load("""
      config:
      - name: g
        items:
        - {name: hostname, type: text, default: shop.example.com}
      components:
      - name: db
        containers:
        - {source: public, image_name: postgres, version: "16", name: main-db}
      """);

  private final PreviewFacts facts = TestSpecs.facts(SPEC);

  @Test
  void runTimeFactsArePlaceholdersNamingTheContainer() {
    assertThat(facts.nodePrivateAddresses("db", "postgres")).containsExactly("<address of db/postgres>");
    assertThat(facts.nodePublicAddresses("db", "main-db")).containsExactly("<public address of db/main-db>");
    assertThat(facts.containerExposedPorts("db", "postgres", "5432"))
        .containsExactly("<port 5432 of db/postgres>");
    assertThat(facts.licenseFieldValue("seats")).contains("<license field seats>");
    assertThat(facts.licenseProperty("assignee")).contains("<license property assignee>");
    assertThat(facts.appSetting("x")).contains("<app setting x>");
    assertThat(facts.consoleSetting("tls.hostname")).contains("<console setting tls.hostname>");
  }

  @Test
  void hostAppAndTimeAreReal() {
    assertThat(facts.host().privateAddress()).isEqualTo("10.0.0.5");
    assertThat(facts.app()).isEqualTo(new TemplateEnvironment.AppFacts("<app id>", "1.2", "1.2", "1.2", false));
    assertThat(facts.now()).isEqualTo(TestSpecs.CLOCK.instant());
  }

  @Test
  void aContainerTheSpecLacksIsAnError() {
    assertThatThrownBy(() -> facts.containerExposedPorts("db", "redis", "6379"))
        .isInstanceOf(UnavailableFactException.class)
        .hasMessage("the spec has no container db/redis (component name, then image_name or name)");
  }

  @Test
  void configFunctionsComeFromTheConfigValues() throws Exception {
    ConfigValues values = new ConfigResolver(new Generators(Map.of()))
        .resolve(SPEC, ConfigScreen.of(SPEC), Settings.empty(), facts).values();
    TemplateEnvironment env = values.environment(facts);

    assertThat(facts.configOption("hostname")).isEmpty();
    assertThat(env.configOption("hostname")).contains("shop.example.com");
    assertThat(env.configOptionData("hostname")).contains("");
    assertThat(env.configOption("nope")).isEmpty();
    assertThat(env.nodePrivateAddresses("db", "postgres")).containsExactly("<address of db/postgres>");
    assertThat(env.containerExposedPorts("db", "postgres", "1")).containsExactly("<port 1 of db/postgres>");
    assertThat(env.nodePublicAddresses("db", "postgres")).hasSize(1);
    assertThat(env.host().dockerAddress()).isEqualTo("172.17.0.1");
    assertThat(env.app().version()).isEqualTo("1.2");
    assertThat(env.now()).isEqualTo(TestSpecs.CLOCK.instant());
    assertThat(env.licenseFieldValue("a")).contains("<license field a>");
    assertThat(env.licenseProperty("a")).contains("<license property a>");
    assertThat(env.appSetting("a")).contains("<app setting a>");
    assertThat(env.consoleSetting("a")).contains("<console setting a>");
  }
}
