package dev.tugboat.template;

import static dev.tugboat.template.TemplateFunction.ArgType.STRING;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Replicated's functions over the config screen, the license, the app and the console settings.
 * A name the environment does not know is an error naming it, not an empty string.
 */
final class ConfigFunctions {
  private ConfigFunctions() {}

  static List<TemplateFunction> all() {
    return List.of(
        TemplateFunction.of(
            "ConfigOption", (env, a) -> known(env::configOption, a[0], "config item"), STRING),
        TemplateFunction.of(
            "ConfigOptionData",
            (env, a) -> known(env::configOptionData, a[0], "config item"),
            STRING),
        TemplateFunction.of(
            "ConfigOptionEquals",
            (env, a) -> known(env::configOption, a[0], "config item").equals(a[1]),
            STRING,
            STRING),
        TemplateFunction.of(
            "ConfigOptionNotEquals",
            (env, a) -> !known(env::configOption, a[0], "config item").equals(a[1]),
            STRING,
            STRING),
        TemplateFunction.of(
            "LicenseFieldValue",
            (env, a) -> known(env::licenseFieldValue, a[0], "license field"),
            STRING),
        TemplateFunction.of(
            "LicenseProperty",
            (env, a) -> known(env::licenseProperty, a[0], "license property"),
            STRING),
        TemplateFunction.of(
            "AppSetting", (env, a) -> known(env::appSetting, a[0], "app setting"), STRING),
        TemplateFunction.of(
            "ConsoleSetting",
            (env, a) -> known(env::consoleSetting, a[0], "console setting"),
            STRING),
        TemplateFunction.of(
            "ConsoleSettingEquals",
            (env, a) -> known(env::consoleSetting, a[0], "console setting").equals(a[1]),
            STRING,
            STRING),
        TemplateFunction.of(
            "ConsoleSettingNotEquals",
            (env, a) -> !known(env::consoleSetting, a[0], "console setting").equals(a[1]),
            STRING,
            STRING),
        // The app id is the license's: without one it is an error that says how to install it.
        TemplateFunction.of(
            "AppID", (env, a) -> known(env::licenseProperty, "app.id", "license property")),
        TemplateFunction.of("AppVersion", (env, a) -> sequence(env.app().version())),
        TemplateFunction.of("AppVersionFirst", (env, a) -> sequence(env.app().versionFirst())),
        TemplateFunction.of("AppVersionCurrent", (env, a) -> sequence(env.app().versionCurrent())),
        TemplateFunction.of("RunOffline", (env, a) -> env.app().runOffline()));
  }

  private static String known(Function<String, Optional<String>> lookup, Object name, String what) {
    return lookup
        .apply((String) name)
        .orElseThrow(() -> new FunctionError("no " + what + " named " + GoStrings.quote((String) name)));
  }

  /** Replicated's {@code AppVersion*} return an int (a release sequence); keep text that is not one. */
  private static Object sequence(String version) {
    Long n = version == null ? null : GoStrconv.parseIntLiteral(version);
    return n != null && version.chars().allMatch(Character::isDigit) ? n : version;
  }
}
