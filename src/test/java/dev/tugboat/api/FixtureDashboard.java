package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The dashboard in headless Chromium against a {@link FakeDaemon} that answers from fixtures: one
 * browser per test class, a new fake daemon per test. Every test also requires that the page raised
 * no script error and no content-security refusal.
 */
abstract class FixtureDashboard {

  static final Duration WAIT = Duration.ofSeconds(15);
  static final ObjectMapper JSON = new ObjectMapper();

  static Chromium chromium;
  static Page page;
  FakeDaemon daemon;

  @BeforeAll
  static void launchBrowser() throws Exception {
    chromium = Chromium.launch();
    page = chromium.openPage();
  }

  @AfterAll
  static void closeBrowser() throws Exception {
    if (page != null) {
      page.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void startDaemon() throws Exception {
    // A new port is a new origin: the tab's stored token does not carry over between tests.
    daemon = new FakeDaemon();
    daemon.config(resource("/dashboard/config.json"));
    page.viewport(1280, 900);
    page.clearPageErrors();
  }

  @AfterEach
  void noPageErrors() throws Exception {
    java.util.List<String> errors = page.pageErrors();
    // Leave the page before its daemon goes: a dashboard left open would retry the closed port
    // (a refused connection) while the next test sets up.
    page.blank();
    page.clearPageErrors();
    daemon.close();
    assertThat(errors).as("script errors and refusals on the page").isEmpty();
  }

  void openWithToken() throws Exception {
    page.open(daemon.url() + "#token=" + FakeDaemon.TOKEN);
  }

  static String resource(String name) throws Exception {
    try (InputStream in = FixtureDashboard.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
