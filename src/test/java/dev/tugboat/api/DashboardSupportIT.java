package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The support bundle button downloads the bundle with the token and says what it saved. */
class DashboardSupportIT extends FixtureDashboard {

  @Test
  void theButtonFetchesTheBundleWithTheTokenAndSavesItUnderTheOfferedName() throws Exception {
    daemon.status(StatusFixtures.started());
    openWithToken();
    page.waitForText("#app-state", "started", WAIT);

    page.click("#support-bundle");

    page.waitForText("#support-result", "Saved " + FakeDaemon.SUPPORT_BUNDLE + " (15 bytes). Send"
        + " it to the app's vendor: secrets are masked in it.", WAIT);
    assertThat(daemon.requests()).contains("GET /api/v1/support-bundle");
    assertThat(page.eval("document.getElementById('support-bundle').disabled").asBoolean())
        .isFalse();
  }
}
