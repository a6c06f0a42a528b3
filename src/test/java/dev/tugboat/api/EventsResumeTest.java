package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that comes back to a daemon after its restart: the log was refilled from the journals
 * with the ids the events had (here 5 to 9; the runs before were rotated out), and the client goes
 * on from the last id it saw.
 */
@ExtendWith(NoBufferLeaks.class)
class EventsResumeTest {

  private final ApiChannel api = new ApiChannel();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void theStreamResumesAfterTheLastEventIdTheClientSaw() {
    refill();

    api.server.writeInbound(Unpooled.copiedBuffer("GET /api/v1/events/stream HTTP/1.1\r\n"
        + "Host: localhost\r\nLast-Event-ID: 7\r\nAuthorization: Bearer " + ApiChannel.TOKEN + "\r\n\r\n",
        StandardCharsets.UTF_8));
    api.server.runPendingTasks();
    api.app.event("AppStarted", "app started");
    api.server.runPendingTasks();

    String written = written();
    assertThat(written).doesNotContain("id: 7\n").doesNotContain("\"id\":7,");
    assertThat(written.indexOf("id: 8\n")).isPositive()
        .isLessThan(written.indexOf("id: 9\n")).isLessThan(written.indexOf("id: 10\n"));
    assertThat(written).contains("id: 10\nevent: event\ndata: {\"id\":10,");
  }

  @Test
  void aStatusChangeNoEventTellsReachesTheStreamAsANoticeWithoutAnId() {
    api.server.writeInbound(Unpooled.copiedBuffer("GET /api/v1/events/stream?after=latest"
        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ApiChannel.TOKEN + "\r\n\r\n",
        StandardCharsets.UTF_8));
    api.server.runPendingTasks();
    api.app.events().statusChanged();
    api.server.runPendingTasks();

    assertThat(written()).endsWith("\r\nevent: status\ndata: {}\n\n\r\n");
  }

  @Test
  void aPollAfterAnIdGetsTheEventsAfterItAndSaysWhichIsTheOldestKept() {
    refill();

    assertThat(ApiChannel.body(api.get("/api/v1/events?after=7")))
        .startsWith("{\"events\":[{\"id\":8,").contains("{\"id\":9,")
        .endsWith("],\"last_id\":9,\"oldest_id\":5}");
  }

  @Test
  void aPollBeforeTheLogIsReadBackNeverSendsTheClientBackward() {
    assertThat(ApiChannel.body(api.get("/api/v1/events?after=7")))
        .isEqualTo("{\"events\":[],\"last_id\":7,\"oldest_id\":0}");
  }

  @Test
  void afterLatestStreamsOnlyTheEventsFromNowOn() {
    refill();

    api.server.writeInbound(Unpooled.copiedBuffer("GET /api/v1/events/stream?after=latest"
        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ApiChannel.TOKEN + "\r\n\r\n",
        StandardCharsets.UTF_8));
    api.server.runPendingTasks();
    api.app.event("AppStarted", "app started");
    api.server.runPendingTasks();

    String written = written();
    assertThat(written).doesNotContain("id: 9\n").contains("id: 10\nevent: event\n");
  }

  @Test
  void afterLatestTellsAPollerWhereTheEventsAreNow() {
    refill();

    assertThat(ApiChannel.body(api.get("/api/v1/events?after=latest")))
        .isEqualTo("{\"events\":[],\"last_id\":9,\"oldest_id\":5}");
  }

  @Test
  void anAfterThatIsNoIdIs400SayingWhatItMayBe() {
    assertThat(ApiChannel.body(api.get("/api/v1/events?after=first")))
        .isEqualTo("{\"error\":\"query parameter 'after' must be an event id (a whole number"
            + " from 0) or 'latest', got 'first'\"}");
  }

  private void refill() {
    for (long id = 5; id <= 9; id++) {
      api.app.events.append(new ApiEvent(id, Instant.EPOCH, "run-2", "ContainerStarted",
          "started " + id, "runtime"));
    }
  }

  private String written() {
    StringBuilder written = new StringBuilder();
    ByteBuf chunk;
    while ((chunk = api.server.readOutbound()) != null) {
      written.append(chunk.toString(StandardCharsets.UTF_8));
      chunk.release();
    }
    return written.toString();
  }
}
