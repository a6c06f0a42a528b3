package dev.tugboat.api;

import static dev.tugboat.api.ApiChannel.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoBufferLeaks.class)
class LicenseRoutesTest {

  private final FakeLicenses licenses = new FakeLicenses();
  private final ApiChannel api = new ApiChannel(licenses);

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void getShowsThatNoneIsInstalled() {
    FullHttpResponse response = api.get("/api/v1/license");
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(body(response)).contains("\"installed\":false", "\"file\":\"/state/license.yml\"");
  }

  @Test
  void putInstallsTheBodyUnderItsNameAndAnswersTheLicense() {
    FullHttpResponse response = api.call("PUT", "/api/v1/license?name=acme.yml",
        "license_id: l1\napp_id: a1\n");
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(licenses.installs).containsExactly("acme.yml: license_id: l1\napp_id: a1\n");
    assertThat(body(response)).contains("\"installed\":true", "\"license_id\":\"7a4fe1d2c9\"",
        "\"expiration_date\":\"2027-01-31\"", "\"expires_at\":\"2027-01-31T00:00:00Z\"",
        "\"expired\":false",
        "{\"name\":\"maximum_users\",\"value\":\"25\",\"type\":\"Integer\"}");
    assertThat(body(api.get("/api/v1/license"))).contains("\"assignee\":\"Example Corp\"");
  }

  @Test
  void aRefusedLicenseIs400WithTheReason() {
    FullHttpResponse response = api.call("PUT", "/api/v1/license?name=bad.yml", "app_id: a1\n");
    assertThat(response.status().code()).isEqualTo(400);
    assertThat(body(response)).isEqualTo("{\"error\":\"the license bad.yml is refused:"
        + " 'license_id' is missing; the installed license was not changed\"}");
    assertThat(api.call("PUT", "/api/v1/license", "").status().code()).isEqualTo(400);
    assertThat(licenses.installs).isEmpty();
  }

  @Test
  void needsTheTokenAndAKnownMethod() {
    FullHttpResponse anonymous = api.send("GET /api/v1/license HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(anonymous.status().code()).isEqualTo(401);
    assertThat(api.call("DELETE", "/api/v1/license", "").status().code()).isEqualTo(405);
    assertThat(api.get("/api/v1/license/x").status().code()).isEqualTo(404);
  }
}
