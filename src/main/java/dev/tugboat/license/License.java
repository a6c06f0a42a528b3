package dev.tugboat.license;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A license as the vendor issued it: who it is for, which app and channel, when it expires, and its
 * custom fields (what {@code LicenseFieldValue} reads). {@code expiration} is the text the file
 * gave ({@code 2027-01-31} or an RFC 3339 time), {@code expiresAt} the instant it means (a date
 * means midnight UTC at its start, as Replicated set it); both empty for a license that never
 * expires. {@code fields} keep the file's order.
 */
public record License(String licenseId, String appId, String assignee, String channel,
    String licenseType, Optional<String> expiration, Optional<Instant> expiresAt,
    ExpirationPolicy expirationPolicy, Map<String, LicenseField> fields) {

  /** What an expired license does to a start. */
  public enum ExpirationPolicy {
    /** The start is refused with the expiry named (the default). */
    REFUSE_START("refuse-start"),
    /** The app starts; the status and the log say the license expired. */
    IGNORE("ignore");

    private final String text;

    ExpirationPolicy(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * A custom field: its value as text (what the template function returns) and its type as
   * Replicated's Integration API names it ({@code Integer}, {@code Float}, {@code Boolean},
   * {@code String}).
   */
  public record LicenseField(String name, String value, String type) {}

  public License {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  /** True when the license has an expiry and {@code now} is at or after it. */
  public boolean expiredAt(Instant now) {
    return expiresAt.map(at -> !now.isBefore(at)).orElse(false);
  }
}
