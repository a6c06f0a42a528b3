package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoBufferLeaks.class)
class IntegrationHandlerTest {

  private final FakeApp app = new FakeApp();
  private final FakeLicenses licenses = new FakeLicenses();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(new IntegrationHandler(app, licenses));

  /** A call at the address the app's containers are given: it ends in the run's secret. */
  private FullHttpResponse get(String path) {
    return getAt("/" + FakeApp.INTEGRATION_SECRET + path);
  }

  private FullHttpResponse getAt(String path) {
    channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path));
    return channel.readOutbound();
  }

  private static String text(FullHttpResponse response) {
    try {
      return response.content().toString(StandardCharsets.UTF_8);
    } finally {
      response.release();
    }
  }

  private FullHttpResponse put(String path, String accept, String body) {
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT,
        "/" + FakeApp.INTEGRATION_SECRET + path, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    if (accept != null) {
      request.headers().set("Accept", accept);
    }
    channel.writeInbound(request);
    return channel.readOutbound();
  }

  @Test
  void aStartupMessageIs204AndReachesTheApp() {
    assertThat(put("/status/v1/startup", null, "{\"message\": \"Migrating\"}").status().code())
        .isEqualTo(204);
    assertThat(put("/status/v1/startup", "application/json",
        "{\"message\": \"Cannot reach the database\", \"severity\": \"error\"}").status().code())
        .isEqualTo(204);
    assertThat(app.calls).containsExactly("startup info Migrating",
        "startup error Cannot reach the database");
  }

  @Test
  void badJsonAndBadFieldsAre400AndChangeNothing() {
    FullHttpResponse bad = put("/status/v1/startup", null, "{\"message\": ");
    assertThat(bad.status().code()).isEqualTo(400);
    assertThat(bad.content().toString(StandardCharsets.UTF_8))
        .startsWith("{\"error\":\"the request body is not valid JSON");
    assertThat(put("/status/v1/startup", null, "{\"message\": 3}").status().code()).isEqualTo(400);
    assertThat(put("/status/v1/startup", null, "{\"message\": \"x\", \"severity\": \"loud\"}")
        .content().toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"severity must be info or error, got 'loud'\"}");
    assertThat(app.calls).isEmpty();
  }

  @Test
  void anAcceptHeaderMustAllowJson() {
    FullHttpResponse refused = put("/status/v1/startup", "text/html", "{\"message\": \"x\"}");
    assertThat(refused.status().code()).isEqualTo(400);
    assertThat(refused.content().toString(StandardCharsets.UTF_8)).isEqualTo(
        "{\"error\":\"the Accept header must allow application/json or */*, got 'text/html'\"}");
    assertThat(put("/status/v1/startup", "*/*", "{\"message\": \"x\"}").status().code())
        .isEqualTo(204);
  }

  @Test
  void otherPathsAre404() {
    assertThat(put("/status/v1/other", null, "{}").status().code()).isEqualTo(404);
  }

  @Test
  void theLicenseAnswersInReplicatedsShape() {
    licenses.view = FakeLicenses.acme();
    FullHttpResponse response = get("/license/v1/license");
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("{\"license_id\":\"7a4fe1d2c9\","
        + "\"app_id\":\"acme-analytics\",\"assignee\":\"Example Corp\","
        + "\"release_channel\":\"Stable\",\"license_type\":\"paid\",\"fields\":["
        + "{\"field\":\"maximum_users\",\"title\":\"maximum_users\",\"type\":\"Integer\","
        + "\"value\":25,\"hide_from_customer\":false},"
        + "{\"field\":\"edition\",\"title\":\"edition\",\"type\":\"String\","
        + "\"value\":\"enterprise\",\"hide_from_customer\":false},"
        + "{\"field\":\"sso\",\"title\":\"sso\",\"type\":\"Boolean\",\"value\":true,"
        + "\"hide_from_customer\":false}],\"expiration_time\":\"2027-01-31T00:00:00Z\"}");
  }

  @Test
  void oneFieldByName() {
    licenses.view = FakeLicenses.acme();
    assertThat(text(get("/license/v1/field/maximum_users"))).isEqualTo("{\"field\":"
        + "\"maximum_users\",\"title\":\"maximum_users\",\"type\":\"Integer\",\"value\":25}");
    FullHttpResponse missing = get("/license/v1/field/max_nodes");
    assertThat(missing.status().code()).isEqualTo(404);
    assertThat(text(missing)).isEqualTo("{\"error\":\"the license has no field 'max_nodes'\"}");
  }

  @Test
  void withoutALicenseTheLicenseCallsAre404() {
    FullHttpResponse response = get("/license/v1/license");
    assertThat(response.status().code()).isEqualTo(404);
    assertThat(text(response)).isEqualTo("{\"error\":\"no license is installed on this host\"}");
    FullHttpResponse put = put("/license/v1/license", null, "{}");
    assertThat(put.status().code()).isEqualTo(405);
    put.release();
  }

  @Test
  void aCallWithoutTheRunsSecretIsRefusedAndChangesNothing() {
    for (String path : new String[] {"/status/v1/startup", "/wrong-secret/status/v1/startup",
        "/", "/license/v1/license"}) {
      FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT,
          path, Unpooled.copiedBuffer("{\"message\": \"x\", \"severity\": \"error\"}",
              StandardCharsets.UTF_8));
      channel.writeInbound(request);
      FullHttpResponse refused = channel.readOutbound();
      assertThat(refused.status().code()).as(path).isEqualTo(403);
      assertThat(text(refused)).as(path).contains("REPLICATED_INTEGRATIONAPI");
    }
    assertThat(text(getAt("/wrong-secret/license/v1/license"))).contains("current run");
    assertThat(app.calls).isEmpty();
  }
}
