package dev.tugboat.license;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a license file (YAML, or JSON, which is YAML too):
 *
 * <pre>
 * license_id: 7a4fe1d2c9
 * app_id: acme-analytics
 * assignee: Example Corp
 * channel: Stable
 * license_type: paid              # optional
 * expiration_date: 2027-01-31     # optional: a date (midnight UTC) or an RFC 3339 time; absent: never
 * expiration_policy: refuse-start # optional: refuse-start (default) or ignore
 * fields:
 *   maximum_users: 25
 *   edition: enterprise
 * </pre>
 *
 * Every problem is refused with the file and the key named; an unknown key is refused too, so a
 * misspelt {@code expiration_date} cannot make a license that never expires.
 */
public final class LicenseReader {

  private static final Set<String> KEYS = Set.of("license_id", "app_id", "assignee", "channel",
      "license_type", "expiration_date", "expiration_policy", "fields");
  private static final int MAX_CHARS = 256 * 1024;

  private LicenseReader() {}

  /** Reads {@code text}; {@code source} is how messages name it (a path, or the request body). */
  public static License read(String text, String source) throws LicenseException {
    if (text.length() > MAX_CHARS) {
      throw refused(source, "it is larger than " + MAX_CHARS / 1024 + " KB; a license is a few lines");
    }
    Object document;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      document = new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      throw refused(source, "it is not YAML or JSON: " + e.getMessage().replace('\n', ' '));
    }
    if (!(document instanceof Map<?, ?> map)) {
      throw refused(source, "it must be a mapping of keys such as license_id, app_id, assignee,"
          + " expiration_date and fields");
    }
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw refused(source, "unknown key '" + key + "'; a license has "
            + String.join(", ", KEYS.stream().sorted().toList()));
      }
    }
    String expiration = text(map, "expiration_date", source, false);
    return new License(
        text(map, "license_id", source, true),
        text(map, "app_id", source, true),
        text(map, "assignee", source, false),
        text(map, "channel", source, false),
        text(map, "license_type", source, false),
        Optional.ofNullable(expiration),
        expiration == null ? Optional.empty() : Optional.of(instant(expiration, source)),
        policy(text(map, "expiration_policy", source, false), source),
        fields(map.get("fields"), source));
  }

  private static String text(Map<?, ?> map, String key, String source, boolean required)
      throws LicenseException {
    Object value = map.get(key);
    if (value == null) {
      if (required) {
        throw refused(source, "'" + key + "' is missing; every license names it");
      }
      return null;
    }
    if (value instanceof Date date) {
      // YAML reads an unquoted 2027-01-31 as a timestamp: keep it as the date (or time) written
      Instant at = date.toInstant();
      return at.equals(at.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC)
          .toInstant()) ? at.atZone(ZoneOffset.UTC).toLocalDate().toString() : at.toString();
    }
    if (value instanceof Map || value instanceof List) {
      throw refused(source, "'" + key + "' must be text, not a " + (value instanceof Map
          ? "mapping" : "list"));
    }
    String text = String.valueOf(value).strip();
    if (required && text.isEmpty()) {
      throw refused(source, "'" + key + "' is empty");
    }
    return text;
  }

  private static Instant instant(String text, String source) throws LicenseException {
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notATime) {
        throw refused(source, "'expiration_date' is '" + text + "'; write a date (2027-01-31)"
            + " or an RFC 3339 time (2027-01-31T12:00:00Z), or leave it out for a license that"
            + " never expires");
      }
    }
  }

  private static License.ExpirationPolicy policy(String text, String source)
      throws LicenseException {
    if (text == null) {
      return License.ExpirationPolicy.REFUSE_START;
    }
    for (License.ExpirationPolicy policy : License.ExpirationPolicy.values()) {
      if (policy.text().equals(text)) {
        return policy;
      }
    }
    throw refused(source, "'expiration_policy' is '" + text + "'; use refuse-start or ignore");
  }

  private static Map<String, License.LicenseField> fields(Object fields, String source)
      throws LicenseException {
    Map<String, License.LicenseField> found = new LinkedHashMap<>();
    if (fields == null) {
      return found;
    }
    if (!(fields instanceof Map<?, ?> map)) {
      throw refused(source, "'fields' must be a mapping of field name to value");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      Object value = entry.getValue();
      String type;
      if (value instanceof Boolean) {
        type = "Boolean";
      } else if (value instanceof Integer || value instanceof Long
          || value instanceof java.math.BigInteger) {
        type = "Integer";
      } else if (value instanceof Double) {
        type = "Float";
      } else if (value instanceof String) {
        type = "String";
      } else {
        throw refused(source, "field '" + name + "' must be a text, number or boolean value, not "
            + (value == null ? "empty" : value instanceof Map ? "a mapping"
                : value instanceof List ? "a list" : "a " + value.getClass().getSimpleName()));
      }
      if (name.isBlank()) {
        throw refused(source, "a field has an empty name");
      }
      found.put(name, new License.LicenseField(name, String.valueOf(value), type));
    }
    return found;
  }

  private static LicenseException refused(String source, String why) {
    return new LicenseException("the license " + source + " is refused: " + why);
  }
}
