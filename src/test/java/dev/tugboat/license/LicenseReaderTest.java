package dev.tugboat.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LicenseReaderTest {

  static final String ACME = """
      license_id: 7a4fe1d2c9
      app_id: acme-analytics
      assignee: Example Corp
      channel: Stable
      license_type: paid
      expiration_date: 2027-01-31
      fields:
        maximum_users: 25
        edition: enterprise
        sso: true
        ratio: 1.5
      """;

  @Test
  void readsEveryKeyAndKeepsTheFieldsInOrderWithTheirTypes() throws Exception {
    License license = LicenseReader.read(ACME, "acme.yml");
    assertThat(license.licenseId()).isEqualTo("7a4fe1d2c9");
    assertThat(license.appId()).isEqualTo("acme-analytics");
    assertThat(license.assignee()).isEqualTo("Example Corp");
    assertThat(license.channel()).isEqualTo("Stable");
    assertThat(license.licenseType()).isEqualTo("paid");
    assertThat(license.expiration()).contains("2027-01-31");
    assertThat(license.expiresAt()).contains(Instant.parse("2027-01-31T00:00:00Z"));
    assertThat(license.expirationPolicy()).isEqualTo(License.ExpirationPolicy.REFUSE_START);
    assertThat(license.fields().values()).containsExactly(
        new License.LicenseField("maximum_users", "25", "Integer"),
        new License.LicenseField("edition", "enterprise", "String"),
        new License.LicenseField("sso", "true", "Boolean"),
        new License.LicenseField("ratio", "1.5", "Float"));
  }

  @Test
  void jsonIsALicenseFileTooAndAnRfc3339TimeIsAnExpiry() throws Exception {
    License license = LicenseReader.read("""
        {"license_id": "l1", "app_id": "a1", "expiration_date": "2027-01-31T12:00:00+02:00",
         "expiration_policy": "ignore", "fields": {"seats": "10"}}
        """, "l.json");
    assertThat(license.expiresAt()).contains(Instant.parse("2027-01-31T10:00:00Z"));
    assertThat(license.expirationPolicy()).isEqualTo(License.ExpirationPolicy.IGNORE);
    assertThat(license.fields().get("seats").value()).isEqualTo("10");
  }

  @Test
  void aLicenseWithoutExpirationNeverExpires() throws Exception {
    License license = LicenseReader.read("license_id: l1\napp_id: a1\n", "l.yml");
    assertThat(license.expiresAt()).isEmpty();
    assertThat(license.expiredAt(Instant.parse("2999-01-01T00:00:00Z"))).isFalse();
    assertThat(license.fields()).isEmpty();
  }

  @Test
  void expiredFromTheFirstInstantOfTheDate() throws Exception {
    License license = LicenseReader.read(ACME, "acme.yml");
    assertThat(license.expiredAt(Instant.parse("2027-01-30T23:59:59Z"))).isFalse();
    assertThat(license.expiredAt(Instant.parse("2027-01-31T00:00:00Z"))).isTrue();
  }

  @Test
  void malformedFilesAreRefusedNamingTheFileAndWhat() {
    assertRefused("license_id: [", "the license l.yml is refused: it is not YAML or JSON");
    assertRefused("just text", "it must be a mapping of keys such as license_id");
    assertRefused("app_id: a1\n", "'license_id' is missing; every license names it");
    assertRefused("license_id: l1\napp_id: ''\n", "'app_id' is empty");
    assertRefused("license_id: l1\napp_id: a1\nexpiration: 2027-01-01\n",
        "unknown key 'expiration'; a license has app_id, assignee, channel, expiration_date");
    assertRefused("license_id: l1\napp_id: a1\nexpiration_date: next year\n",
        "'expiration_date' is 'next year'; write a date (2027-01-31) or an RFC 3339 time");
    assertRefused("license_id: l1\napp_id: a1\nexpiration_policy: warn\n",
        "'expiration_policy' is 'warn'; use refuse-start or ignore");
    assertRefused("license_id: l1\napp_id: a1\nfields: [a, b]\n",
        "'fields' must be a mapping of field name to value");
    assertRefused("license_id: l1\napp_id: a1\nfields:\n  seats:\n",
        "field 'seats' must be a text, number or boolean value, not empty");
    assertRefused("license_id: l1\napp_id: a1\nfields:\n  seats: {a: 1}\n",
        "field 'seats' must be a text, number or boolean value, not a mapping");
    assertRefused("license_id: l1\nlicense_id: l2\napp_id: a1\n", "not YAML or JSON");
  }

  private static void assertRefused(String text, String message) {
    assertThatThrownBy(() -> LicenseReader.read(text, "l.yml"))
        .isInstanceOf(LicenseException.class)
        .hasMessageContaining(message)
        .hasMessageStartingWith("the license l.yml is refused: ");
  }
}
