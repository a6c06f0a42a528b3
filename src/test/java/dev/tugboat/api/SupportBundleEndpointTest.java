package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/support-bundle} sends the file the app made as an attachment under its name
 * and deletes it once sent; without the token nothing is made; a refusal is the app's status.
 */
@ExtendWith(NoBufferLeaks.class)
class SupportBundleEndpointTest {

  private final ApiChannel api = new ApiChannel();
  @TempDir Path dir;

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void theBundleIsSentAsAnAttachmentAndDeletedOnceSent() throws Exception {
    byte[] bytes = new byte[200_000];
    new java.util.Random(7).nextBytes(bytes);
    Path file = Files.write(dir.resolve("bundle.tar.gz"), bytes);
    api.app.supportBundle = CompletableFuture.completedFuture(
        new SupportBundle(file, "tugboat-support-demo-20261205-100000.tar.gz", bytes.length));

    FullHttpResponse response = api.get("/api/v1/support-bundle");

    assertThat(response.status().code()).isEqualTo(200);
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/gzip");
    assertThat(response.headers().get("Content-Disposition"))
        .isEqualTo("attachment; filename=\"tugboat-support-demo-20261205-100000.tar.gz\"");
    assertThat(response.headers().getInt("Content-Length")).isEqualTo(bytes.length);
    assertThat(ByteBufUtil.getBytes(response.content())).isEqualTo(bytes);
    assertThat(file).doesNotExist();
  }

  @Test
  void withoutTheTokenIt401sAndNothingIsMade() {
    FullHttpResponse none = api.send(
        "GET /api/v1/support-bundle HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(none.status().code()).isEqualTo(401);
    assertThat(api.app.calls).isEmpty();
  }

  @Test
  void aRefusalIsAnsweredWithItsStatusAndMessage() {
    api.app.supportBundle = CompletableFuture.failedFuture(new AppRefusal(
        AppRefusal.Reason.CONFLICT, "a support bundle is being made; ask again once it is done"));

    FullHttpResponse response = api.get("/api/v1/support-bundle");

    assertThat(response.status().code()).isEqualTo(409);
    assertThat(ApiChannel.body(response)).isEqualTo(
        "{\"error\":\"a support bundle is being made; ask again once it is done\"}");
  }

  @Test
  void onlyGetMakesOne() {
    FullHttpResponse response = api.call("POST", "/api/v1/support-bundle", "");
    assertThat(response.status().code()).isEqualTo(405);
    assertThat(api.app.calls).isEmpty();
  }
}
