package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The config calls of the API on a fake app: what reaches the app and what the client reads. */
@ExtendWith(NoBufferLeaks.class)
class ConfigApiTest {

  private final ApiChannel api = new ApiChannel();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void deleteOfAnItemUnsetsItAndAnswersTheItems() {
    FullHttpResponse response = api.call("DELETE", "/api/v1/config/db_password", "");

    assertThat(response.status().code()).isEqualTo(200);
    assertThat(ApiChannel.body(response)).startsWith("{\"items\":[{\"name\":\"db_password\"")
        .contains("\"value\":\"********\",\"source\":\"default\"");
    assertThat(api.app.calls).containsExactly("unset [db_password]");
  }

  @Test
  void getAnswersTheItemsAsBeforeAndTheSameItemsByGroupWithTitles() {
    FullHttpResponse response = api.get("/api/v1/config");

    assertThat(response.status().code()).isEqualTo(200);
    String item = "{\"name\":\"db_password\",\"title\":\"Password\",\"type\":\"password\","
        + "\"group\":\"db\",\"parent\":null,\"value\":\"********\",\"source\":\"stored\","
        + "\"required\":true,\"hidden\":false,\"readonly\":false,\"shown\":true,"
        + "\"secret\":true,\"when\":\"\",\"test\":null}";
    assertThat(ApiChannel.body(response)).isEqualTo("{\"items\":[" + item + "],\"groups\":["
        + "{\"name\":\"db\",\"title\":\"Database\",\"description\":\"Where data lives\","
        + "\"when\":\"\",\"shown\":true,\"items\":[" + item + "]}]}");
  }

  @Test
  void deleteOfAnUnknownItemIs404WithTheReason() {
    FullHttpResponse response = api.call("DELETE", "/api/v1/config/nope", "");

    assertThat(response.status().code()).isEqualTo(404);
    assertThat(ApiChannel.body(response))
        .isEqualTo("{\"error\":\"no config item 'nope' in this spec\"}");
  }

  @Test
  void anItemTakesOnlyDeleteAndTheListOnlyGetAndPut() {
    assertThat(api.call("GET", "/api/v1/config/db_password", "").status().code()).isEqualTo(405);
    assertThat(api.call("DELETE", "/api/v1/config", "").status().code()).isEqualTo(405);
    assertThat(api.call("DELETE", "/api/v1/config/a/b", "").status().code()).isEqualTo(404);
    assertThat(api.app.calls).isEmpty();
  }
}
