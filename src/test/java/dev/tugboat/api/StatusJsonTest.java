package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoBufferLeaks.class)
class StatusJsonTest {

  @Test
  void statusCarriesTheReadyCheckWithItsDescriptionAndLastSeenText() {
    assertThat(StatusFixtures.checkingReady("http://10.0.0.5:8000/health answered 503, not 200"))
        .contains("\"ready\":{\"state\":\"checking\",\"description\":\"http_status_code"
            + " http://10.0.0.5:8000/health 200 5\",\"last_seen\":\"http://10.0.0.5:8000/health"
            + " answered 503, not 200\"}");
    assertThat(StatusFixtures.started()).contains("\"ready\":{\"state\":\"passed\"");
  }

  @Test
  void whileTheEngineDoesNotAnswerTheStatusSaysSinceWhenAndMarksContainerStatesAsLastSeen() {
    assertThat(StatusFixtures.startedWhileTheEngineIsSilent())
        .contains("\"docker\":\"not answering since 2026-11-22T03:01:00Z: no answer to a ping"
            + " for 2 s or more\",\"docker_answering\":false")
        .contains("\"state\":\"running\"")
        .contains("\"state_last_seen\":true")
        .doesNotContain("\"state_last_seen\":false");
    assertThat(StatusFixtures.started())
        .contains("\"docker\":\"reachable\",\"docker_answering\":true")
        .doesNotContain("\"state_last_seen\":true");
  }

  @Test
  void theEnginesAnswerChangesTheBodyOnlyWhenItChanges() {
    FakeApp app = new FakeApp();
    java.util.concurrent.atomic.AtomicReference<EngineStatus> engine =
        new java.util.concurrent.atomic.AtomicReference<>(EngineStatus.ANSWERING);
    StatusJson json = new StatusJson(() -> app.snapshot, () -> null, app::masker, engine::get);
    String answering = json.etag();
    assertThat(json.etag()).isEqualTo(answering);
    engine.set(EngineStatus.notAnswering(java.time.Instant.EPOCH, "paused"));
    assertThat(new String(json.body(), StandardCharsets.UTF_8))
        .contains("\"docker\":\"not answering since 1970-01-01T00:00:00Z: paused\"");
    engine.set(EngineStatus.ANSWERING);
    assertThat(json.etag()).isEqualTo(answering);
    json.close();
  }

  @Test
  void beforeTheFirstRunReadyIsNull() {
    assertThat(StatusFixtures.neverStarted()).contains("\"ready\":null");
  }

  @Test
  void aReplacedBodyIsFreedOnceTheLastResponseHoldingItIsWritten() {
    FakeApp app = new FakeApp();
    StatusJson json = new StatusJson(() -> app.snapshot);
    ByteBuf inFlight = json.content(false).content();
    app.snapshot = app.snapshot.withStartupMessage("loading");
    ByteBuf newer = json.content(true).content();

    assertThat(inFlight.refCnt()).isEqualTo(1);
    assertThat(inFlight.toString(StandardCharsets.UTF_8)).contains("\"startup_message\":\"\"");
    assertThat(inFlight.release()).as("the last reference frees the direct memory").isTrue();
    assertThat(newer.release()).as("the cache still holds the newer body").isFalse();
    json.close();
    assertThat(newer.refCnt()).isZero();
  }

  @Test
  void theEntityTagFollowsTheBytesAndIsTheSameForPlainAndGzipped() {
    FakeApp app = new FakeApp();
    StatusJson json = new StatusJson(() -> app.snapshot);
    StatusJson.Body plain = json.content(false);
    StatusJson.Body gzipped = json.content(true);
    assertThat(plain.etag()).matches("W/\"[0-9a-f]{32}\"").isEqualTo(gzipped.etag());
    app.snapshot = app.snapshot.withStartupMessage("loading");
    assertThat(json.etag()).isNotEqualTo(plain.etag());
    app.snapshot = app.snapshot.withStartupMessage("");
    assertThat(json.etag()).as("the same bytes again: the same tag").isEqualTo(plain.etag());
    plain.content().release();
    gzipped.content().release();
    json.close();
  }

  @Test
  void aNewPreflightReportMakesANewBodyThatShowsIt() {
    FakeApp app = new FakeApp();
    java.util.concurrent.atomic.AtomicReference<Object> report =
        new java.util.concurrent.atomic.AtomicReference<>();
    StatusJson json = new StatusJson(() -> app.snapshot, report::get, app::masker);
    assertThat(new String(json.body(), StandardCharsets.UTF_8)).contains("\"preflight\":null");
    report.set(java.util.Map.of("ok", false, "checks", java.util.List.of(java.util.Map.of(
        "name", "memory", "measured", "23.4 GB", "verdict", "error"))));
    assertThat(new String(json.body(), StandardCharsets.UTF_8))
        .contains("\"preflight\":{").contains("\"measured\":\"23.4 GB\"");
    json.close();
  }
}
