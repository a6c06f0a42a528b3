package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The app refuses in its own terms; the API answers each reason with one HTTP status. */
class RefusalStatusTest {

  @Test
  void everyReasonHasItsStatusAndTheAnswerCarriesTheMessage() {
    assertThat(RefusalStatus.of(AppRefusal.Reason.INVALID).code()).isEqualTo(400);
    assertThat(RefusalStatus.of(AppRefusal.Reason.NOT_FOUND).code()).isEqualTo(404);
    assertThat(RefusalStatus.of(AppRefusal.Reason.CONFLICT).code()).isEqualTo(409);
    assertThat(RefusalStatus.of(AppRefusal.Reason.FAILED).code()).isEqualTo(500);
    assertThat(RefusalStatus.of(AppRefusal.Reason.ENGINE_FAILED).code()).isEqualTo(502);
    assertThat(RefusalStatus.of(AppRefusal.Reason.UNAVAILABLE).code()).isEqualTo(503);
    assertThat(RefusalStatus.of(AppRefusal.Reason.NO_SPACE).code()).isEqualTo(507);

    FullHttpResponse answer = AsyncReply.failed(new CompletionException(
        new AppRefusal(AppRefusal.Reason.CONFLICT, "no app is configured")));

    assertThat(answer.status().code()).isEqualTo(409);
    assertThat(answer.content().toString(StandardCharsets.UTF_8))
        .contains("no app is configured");
    answer.release();
  }
}
