package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
  void beforeTheFirstRunReadyIsNull() {
    assertThat(StatusFixtures.neverStarted()).contains("\"ready\":null");
  }
}
