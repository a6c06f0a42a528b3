package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** The installed license ({@code GET /api/v1/license}) as {@code license show} and {@code status} print it. */
final class LicenseText {

  private LicenseText() {}

  /** One line: who and which app, and the expiry; or that none is installed and how to. */
  static String summary(JsonNode license) {
    if (!license.path("installed").asBoolean()) {
      String error = license.path("error").asText("");
      return "license: none installed" + (error.isEmpty()
          ? " (tugboat license install FILE installs one)" : ": " + error);
    }
    return "license: " + license.path("license_id").asText() + " for "
        + text(license, "assignee", "(no assignee)") + ", app "
        + license.path("app_id").asText() + ", " + expiry(license);
  }

  /** The summary, then the channel, type, file and fields, one a line. */
  static String details(JsonNode license) {
    StringBuilder out = new StringBuilder(summary(license)).append('\n');
    if (!license.path("installed").asBoolean()) {
      return out.toString();
    }
    line(out, "channel", text(license, "channel", "-"));
    line(out, "type", text(license, "license_type", "-"));
    line(out, "expiration policy", text(license, "expiration_policy", "-"));
    line(out, "file", text(license, "file", "-"));
    JsonNode fields = license.path("fields");
    if (fields.isEmpty()) {
      out.append("fields: none\n");
    } else {
      out.append("fields:\n");
      int width = 0;
      for (JsonNode field : fields) {
        width = Math.max(width, field.path("name").asText().length());
      }
      for (JsonNode field : fields) {
        out.append(String.format("  %-" + width + "s  %s%n", field.path("name").asText(),
            field.path("value").asText()));
      }
    }
    return out.toString();
  }

  private static String expiry(JsonNode license) {
    String date = text(license, "expiration_date", "");
    if (date.isEmpty()) {
      return "never expires";
    }
    return license.path("expired").asBoolean() ? "EXPIRED on " + date : "expires " + date;
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(name).append(": ").append(value).append('\n');
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() || value.asText().isEmpty() ? fallback
        : value.asText();
  }
}
