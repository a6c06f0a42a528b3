package dev.tugboat.template;

import static dev.tugboat.template.TemplateFunction.ArgType.STRING;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/** {@code Now} (RFC 3339) and {@code NowFmt} (a Go reference-time layout), in UTC. */
final class TimeFunctions {
  static final String RFC3339 = "2006-01-02T15:04:05Z07:00";

  private TimeFunctions() {}

  static List<TemplateFunction> all() {
    return List.of(
        TemplateFunction.of("Now", (env, a) -> GoTimeLayout.format(RFC3339, now(env))),
        TemplateFunction.of("NowFmt", (env, a) -> GoTimeLayout.format((String) a[0], now(env)), STRING));
  }

  private static ZonedDateTime now(TemplateEnvironment env) {
    return env.now().atZone(ZoneOffset.UTC);
  }
}
