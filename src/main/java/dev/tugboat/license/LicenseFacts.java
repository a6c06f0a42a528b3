package dev.tugboat.license;

import dev.tugboat.template.ForwardingTemplateEnvironment;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.UnavailableFactException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template facts that come from the license and the app's releases: {@code
 * LicenseFieldValue}, {@code LicenseProperty}, {@code AppID}, {@code AppVersion*}, {@code
 * AppSetting} and {@code ConsoleSetting*}; the rest comes from {@code base}. A fact Tugboat does
 * not have is an error that names it and says why, never a placeholder in a real container.
 */
public final class LicenseFacts extends ForwardingTemplateEnvironment {

  /** {@code LicenseProperty} names, as Replicated documented them, plus {@code app.id}. */
  static final List<String> PROPERTIES = List.of("assignee", "channel.name", "expiration.date",
      "expiration.policy", "license.id", "license.type", "app.id");

  /** Replicated's console settings, and why Tugboat has none of them. */
  private static final Map<String, String> CONSOLE = Map.of(
      "tls.key.name", "the dashboard has no TLS key of its own",
      "tls.key.data", "the dashboard has no TLS key of its own",
      "tls.cert.name", "the dashboard has no TLS certificate of its own",
      "tls.cert.data", "the dashboard has no TLS certificate of its own",
      "tls.authority.cert", "the dashboard has no TLS certificate of its own",
      "tls.hostname", "the dashboard has no TLS hostname of its own",
      "tls.source", "the dashboard has no TLS certificate of its own",
      "http.proxy", "Tugboat has no proxy setting (Docker's own proxy settings apply to pulls)",
      "http.proxy.enabled",
      "Tugboat has no proxy setting (Docker's own proxy settings apply to pulls)");

  private final TemplateEnvironment base;
  private final LicensedApp app;

  public LicenseFacts(TemplateEnvironment base, LicensedApp app) {
    this.base = base;
    this.app = app;
  }

  @Override
  protected TemplateEnvironment delegate() {
    return base;
  }

  @Override
  public Optional<String> licenseFieldValue(String field) {
    if (app.placeholders()) {
      return Optional.of("<license field " + field + ">");
    }
    License license = require("the license field \"" + field + "\"");
    License.LicenseField found = license.fields().get(field);
    if (found == null) {
      throw new UnavailableFactException("the license " + app.source() + " has no field \""
          + field + "\"" + (license.fields().isEmpty() ? " (it has no fields)"
              : "; its fields: " + String.join(", ", license.fields().keySet()))
          + "; ask the vendor for a license with it");
    }
    return Optional.of(found.value());
  }

  @Override
  public Optional<String> licenseProperty(String property) {
    if (!PROPERTIES.contains(property)) {
      throw new UnavailableFactException("\"" + property + "\" is not a license property;"
          + " there are " + String.join(", ", PROPERTIES));
    }
    if (app.placeholders()) {
      return Optional.of(property.equals("app.id") ? "<app id>"
          : "<license property " + property + ">");
    }
    License license = require("the license property \"" + property + "\"");
    return Optional.of(switch (property) {
      case "assignee" -> orEmpty(license.assignee());
      case "channel.name" -> orEmpty(license.channel());
      case "expiration.date" -> license.expiration().orElse("");
      case "expiration.policy" -> license.expirationPolicy().text();
      case "license.id" -> license.licenseId();
      case "license.type" -> orEmpty(license.licenseType());
      default -> license.appId();
    });
  }

  @Override
  public Optional<String> appSetting(String name) {
    return Optional.of(switch (name) {
      case "version.label" -> base.app().version();
      case "release.channel" -> app.placeholders() ? "<license property channel.name>"
          : orEmpty(require("AppSetting \"release.channel\" (the license's channel)").channel());
      case "install.date" -> app.releases().installedAt()
          .map(at -> at.atZone(ZoneOffset.UTC).toLocalDate().toString())
          .orElseGet(() -> base.now().atZone(ZoneOffset.UTC).toLocalDate().toString());
      case "release.notes", "release.date" -> throw new UnavailableFactException("AppSetting \""
          + name + "\" is not available on Tugboat: a spec file carries no release notes or"
          + " release date; put what the app needs in a config item or in the spec");
      default -> throw new UnavailableFactException("\"" + name + "\" is not an app setting;"
          + " there are version.label, release.channel, install.date (release.notes and"
          + " release.date are not available on Tugboat)");
    });
  }

  @Override
  public Optional<String> consoleSetting(String name) {
    String why = CONSOLE.get(name);
    throw new UnavailableFactException(why == null
        ? "\"" + name + "\" is not a console setting; Replicated's were "
            + String.join(", ", CONSOLE.keySet().stream().sorted().toList())
        : "ConsoleSetting \"" + name + "\" is not available on Tugboat: " + why
            + "; give the app its own config item for it");
  }

  @Override
  public AppFacts app() {
    AppFacts facts = base.app();
    String version = facts.version();
    String appId = app.license().map(License::appId)
        .orElse(app.placeholders() ? "<app id>" : null);
    return new AppFacts(appId, version, app.releases().first().orElse(version),
        app.releases().current().orElse(version), facts.runOffline());
  }

  private License require(String what) {
    return app.license().orElseThrow(() -> new UnavailableFactException(
        "no license is installed, so " + what + " has no value: " + app.advice()));
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
