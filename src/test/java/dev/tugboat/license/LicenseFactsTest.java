package dev.tugboat.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.template.Template;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The license's and the app's template functions, as a container's env value renders them. */
class LicenseFactsTest {

  private static final String FIELD = "components[0].containers[0].env_vars[0].value";
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  private final License acme = read(LicenseReaderTest.ACME);
  private final Releases releases = new Releases(Optional.of("3"),
      Optional.of(Instant.parse("2025-02-03T04:05:06Z")), Optional.of("5"));

  @Test
  void theDocumentedAddOfALicenseFieldWorks() {
    assertThat(render("{{repl Add (LicenseFieldValue \"maximum_users\") 1}}")).isEqualTo("26");
    assertThat(render("{{repl Sub (LicenseFieldValue \"maximum_users\") 1}}")).isEqualTo("24");
    assertThat(render("{{repl Mult (LicenseFieldValue \"maximum_users\") 2}}")).isEqualTo("50");
    assertThat(render("{{repl Div (LicenseFieldValue \"maximum_users\") 2.0}}")).isEqualTo("12.5");
    assertThat(render("{{repl LicenseFieldValue \"edition\"}}")).isEqualTo("enterprise");
    assertThat(render("{{repl LicenseFieldValue \"sso\" | ParseBool}}")).isEqualTo("true");
  }

  @Test
  void aFieldTheLicenseLacksIsAnErrorNamingItAndTheFileAtItsPosition() {
    assertThat(error("max: {{repl LicenseFieldValue \"max_nodes\"}}")).isEqualTo(FIELD
        + ":1:13: error calling LicenseFieldValue: the license /state/license.yml has no field"
        + " \"max_nodes\"; its fields: maximum_users, edition, sso, ratio; ask the vendor for a"
        + " license with it");
  }

  @Test
  void withoutALicenseEachFunctionSaysHowToInstallOne() {
    LicensedApp none = LicensedApp.none("install the vendor's license with tugboat license"
        + " install FILE", Releases.none());
    assertThat(error("{{repl LicenseFieldValue \"maximum_users\"}}", none)).endsWith(
        "error calling LicenseFieldValue: no license is installed, so the license field"
            + " \"maximum_users\" has no value: install the vendor's license with tugboat license"
            + " install FILE");
    assertThat(error("{{repl AppID}}", none)).endsWith("error calling AppID: no license is"
        + " installed, so the license property \"app.id\" has no value: install the vendor's"
        + " license with tugboat license install FILE");
    assertThat(error("{{repl LicenseProperty \"assignee\"}}", none))
        .contains("no license is installed, so the license property \"assignee\" has no value");
  }

  @Test
  void licensePropertiesAndTheAppId() {
    assertThat(render("{{repl LicenseProperty \"assignee\"}}")).isEqualTo("Example Corp");
    assertThat(render("{{repl LicenseProperty \"channel.name\"}}")).isEqualTo("Stable");
    assertThat(render("{{repl LicenseProperty \"expiration.date\"}}")).isEqualTo("2027-01-31");
    assertThat(render("{{repl LicenseProperty \"expiration.policy\"}}"))
        .isEqualTo("refuse-start");
    assertThat(render("{{repl LicenseProperty \"license.id\"}}")).isEqualTo("7a4fe1d2c9");
    assertThat(render("{{repl LicenseProperty \"license.type\"}}")).isEqualTo("paid");
    assertThat(render("{{repl LicenseProperty \"app.id\"}}")).isEqualTo("acme-analytics");
    assertThat(render("{{repl AppID}}")).isEqualTo("acme-analytics");
    assertThat(error("{{repl LicenseProperty \"owner\"}}")).endsWith("\"owner\" is not a license"
        + " property; there are assignee, channel.name, expiration.date, expiration.policy,"
        + " license.id, license.type, app.id");
  }

  @Test
  void appVersionsComeFromTheReleases() {
    assertThat(render("{{repl AppVersion}} {{repl AppVersionFirst}} {{repl AppVersionCurrent}}"))
        .isEqualTo("7 3 5");
    assertThat(render("{{repl Add AppVersionFirst 1}}")).isEqualTo("4");
    LicensedApp firstInstall = LicensedApp.installed(acme, "/state/license.yml", "", 
        Releases.none());
    assertThat(render("{{repl AppVersion}} {{repl AppVersionFirst}} {{repl AppVersionCurrent}}",
        firstInstall)).isEqualTo("7 7 7");
  }

  @Test
  void appSettingsTugboatHasAndTheOnesItLacks() {
    assertThat(render("{{repl AppSetting \"version.label\"}}")).isEqualTo("7");
    assertThat(render("{{repl AppSetting \"release.channel\"}}")).isEqualTo("Stable");
    assertThat(render("{{repl AppSetting \"install.date\"}}")).isEqualTo("2025-02-03");
    assertThat(error("{{repl AppSetting \"release.notes\"}}")).endsWith("error calling"
        + " AppSetting: AppSetting \"release.notes\" is not available on Tugboat: a spec file"
        + " carries no release notes or release date; put what the app needs in a config item"
        + " or in the spec");
  }

  @Test
  void consoleSettingsAreErrorsThatSayWhy() {
    assertThat(error("{{repl ConsoleSetting \"tls.hostname\"}}")).endsWith("error calling"
        + " ConsoleSetting: ConsoleSetting \"tls.hostname\" is not available on Tugboat: the"
        + " dashboard has no TLS hostname of its own; give the app its own config item for it");
    assertThat(error("{{repl if ConsoleSettingEquals \"http.proxy.enabled\" \"1\"}}x{{repl end}}"))
        .contains("ConsoleSetting \"http.proxy.enabled\" is not available on Tugboat");
    assertThat(error("{{repl ConsoleSettingNotEquals \"tls.source\" \"self-signed\"}}"))
        .contains("ConsoleSetting \"tls.source\" is not available on Tugboat");
  }

  @Test
  void aPreviewWithoutALicenseShowsPlaceholders() {
    LicensedApp preview = LicensedApp.preview();
    assertThat(render("{{repl LicenseFieldValue \"maximum_users\"}} {{repl AppID}}", preview))
        .isEqualTo("<license field maximum_users> <app id>");
  }

  @Test
  void anExpiredLicenseRefusesTheStartUnlessItsPolicyIsIgnore() throws Exception {
    LicensedApp app = LicensedApp.installed(acme, "/state/license.yml",
        "install the vendor's license with tugboat license install FILE", releases);
    app.requireUsable(Instant.parse("2027-01-30T23:00:00Z"));
    assertThatThrownBy(() -> app.requireUsable(Instant.parse("2027-01-31T00:00:00Z")))
        .hasMessage("the license 7a4fe1d2c9 (Example Corp) expired on 2027-01-31"
            + " (expiration_date in /state/license.yml); a renewed license is needed: install the"
            + " vendor's license with tugboat license install FILE; nothing was started");
    License ignoring = read(LicenseReaderTest.ACME + "expiration_policy: ignore\n");
    LicensedApp.installed(ignoring, "/state/license.yml", "", releases)
        .requireUsable(Instant.parse("2030-01-01T00:00:00Z"));
  }

  private String render(String source) {
    return render(source, LicensedApp.installed(acme, "/state/license.yml", "", releases));
  }

  private static String render(String source, LicensedApp app) {
    return Template.parse(source, FIELD).render(new LicenseFacts(new Base(), app));
  }

  private String error(String source) {
    return error(source, LicensedApp.installed(acme, "/state/license.yml", "", releases));
  }

  private static String error(String source, LicensedApp app) {
    try {
      render(source, app);
    } catch (TemplateException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected an error from " + source);
  }

  private static License read(String text) {
    try {
      return LicenseReader.read(text, "/state/license.yml");
    } catch (LicenseException e) {
      throw new AssertionError(e);
    }
  }

  /** The facts below the license's: the spec's version 7, a fixed time. */
  private static final class Base implements TemplateEnvironment {
    @Override
    public Optional<String> configOption(String item) {
      return Optional.empty();
    }

    @Override
    public Optional<String> configOptionData(String item) {
      return Optional.empty();
    }

    @Override
    public Optional<String> licenseFieldValue(String field) {
      throw new AssertionError("the license answers");
    }

    @Override
    public Optional<String> licenseProperty(String property) {
      throw new AssertionError("the license answers");
    }

    @Override
    public Optional<String> appSetting(String name) {
      throw new AssertionError("the license facts answer");
    }

    @Override
    public Optional<String> consoleSetting(String name) {
      throw new AssertionError("the license facts answer");
    }

    @Override
    public AppFacts app() {
      return new AppFacts("<app id>", "7", "7", "7", false);
    }

    @Override
    public HostFacts host() {
      throw new AssertionError("not used");
    }

    @Override
    public List<String> nodePrivateAddresses(String component, String container) {
      throw new AssertionError("not used");
    }

    @Override
    public List<String> nodePublicAddresses(String component, String container) {
      throw new AssertionError("not used");
    }

    @Override
    public List<String> containerExposedPorts(String component, String container, String port) {
      throw new AssertionError("not used");
    }

    @Override
    public Instant now() {
      return NOW;
    }
  }
}
