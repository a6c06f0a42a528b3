package dev.tugboat.api;

import java.util.List;

/**
 * The installed license as {@code GET /api/v1/license} shows it. {@code installed} false: none
 * ({@code error} says why when the file is there but cannot be read). {@code expiration_date} is
 * the file's text (null: never expires), {@code expires_at} the instant it means.
 */
public record LicenseView(boolean installed, String file, String licenseId, String appId,
    String assignee, String channel, String licenseType, String expirationDate,
    java.time.Instant expiresAt, boolean expired, String expirationPolicy, List<Field> fields,
    String error) {

  /** A custom field, its value as text and its type ({@code Integer}, {@code String}...). */
  public record Field(String name, String value, String type) {}

  public LicenseView {
    fields = List.copyOf(fields);
  }

  /** No license at {@code file}; {@code error} is why the file there cannot be used, or empty. */
  public static LicenseView absent(String file, String error) {
    return new LicenseView(false, file, null, null, null, null, null, null, null, false, null,
        List.of(), error);
  }
}
