package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium against a fake daemon that answers from fixtures: what an
 * operator sees and does, without Docker. Every test also requires that the page raised no script
 * error and no content-security refusal.
 */
class DashboardPageIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Chromium chromium;
  private static Page page;
  private FakeDaemon daemon;

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
  void noPageErrors() {
    daemon.close();
    assertThat(page.pageErrors()).as("script errors and refusals on the page").isEmpty();
  }

  @Test
  void asksForTheTokenOnceKeepsItForTheTabAndAsksAgainWhenRefused() throws Exception {
    daemon.status(StatusFixtures.starting());
    page.open(daemon.url());
    page.waitUntil("the token form", "!document.getElementById('login').hidden", WAIT);

    page.type("#token-input", "not-the-token");
    page.pressEnter();
    page.waitForText("#token-error", "The daemon refused the token (HTTP 401)", WAIT);
    assertThat(page.visible("#dashboard")).isFalse();

    page.type("#token-input", FakeDaemon.TOKEN);
    page.click("#token-form button[type=submit]");
    page.waitForText("#app-state", "starting", WAIT);

    page.open(daemon.url());
    page.waitForText("#app-state", "starting", WAIT);
    assertThat(page.visible("#login")).isFalse();

    page.click("#forget-token");
    page.waitForText("#token-error", "The token was forgotten in this tab.", WAIT);
    assertThat(page.eval("sessionStorage.length").asInt()).isZero();
  }

  @Test
  void takesTheTokenFromTheFragmentAndRemovesItFromTheAddress() throws Exception {
    daemon.status(StatusFixtures.starting());
    page.open(daemon.url() + "#token=" + FakeDaemon.TOKEN);

    page.waitForText("#app-state", "starting", WAIT);
    assertThat(page.eval("location.href").asText()).isEqualTo(daemon.url());
    assertThat(daemon.requests()).allMatch(r -> !r.contains(FakeDaemon.TOKEN));
  }

  @Test
  void showsEachContainerWithItsStateAndTheTimelineOfTheRun() throws Exception {
    daemon.status(StatusFixtures.started());
    openWithToken();
    page.waitForText("#app-state", "started", WAIT);

    assertThat(page.text("#app-message")).isEqualTo("the app is ready");
    assertThat(page.text("#app-title")).isEqualTo("Tugboat Migration Demo");
    assertThat(row("db/tugboat-demo/postgres", ".badge")).isEqualTo("running");
    assertThat(row("migration/tugboat-demo/app", ".badge")).isEqualTo("completed");
    assertThat(row("migration/tugboat-demo/app", "td[data-label='Details']"))
        .isEqualTo("completed (exit 0, 2.1 s)");
    assertThat(row("migration/tugboat-demo/app", "td[data-label='Exit code']")).isEqualTo("0");
    assertThat(row("migration/tugboat-demo/app", "td[data-label='Started by']"))
        .isEqualTo("“PostgreSQL accepts connections”");
    assertThat(row("db/tugboat-demo/postgres", "td[data-label='Ports']"))
        .isEqualTo("0.0.0.0:15432->5432/tcp");
    assertThat(page.eval("[...document.querySelectorAll('#timeline li')].map(li => li.innerText"
        + ".replace(/\\s+/g, ' ').trim())").toString())
        .contains("The run began started db/tugboat-demo/postgres")
        .contains("“PostgreSQL accepts connections” fired published by db/tugboat-demo/postgres"
            + " · port-listen 5432 started migration/tugboat-demo/app")
        .contains("“Migration finished” fired published by migration/tugboat-demo/app"
            + " · container-stop started app/tugboat-demo/app");
    assertThat(page.visible("#failure")).isFalse();
    assertThat(page.eval("document.getElementById('btn-start').disabled").asBoolean()).isTrue();
    page.screenshot(Path.of("target/dashboard-fixture-started.png"));
  }

  @Test
  void saysWhyTheAppFailedWithTheLastLinesAndShowsMarkupAsText() throws Exception {
    daemon.status(StatusFixtures.failed());
    openWithToken();
    page.waitForText("#app-state", "failed", WAIT);

    String failure = page.eval("document.getElementById('failure').innerText").asText();
    assertThat(failure)
        .contains("migration/tugboat-demo/app failed (exit 3); the app cannot start")
        .contains("migration/tugboat-demo/app failed: it exited with code 3.")
        .contains("Last lines of its output:\n\nconnecting to 10.0.0.5:5432\n"
            + "relation \"greetings\": permission denied\n" + StatusFixtures.MARKUP)
        .contains("app/tugboat-demo/app can never start: " + StatusFixtures.MARKUP);
    assertThat(page.eval("document.querySelectorAll('img').length").asInt()).isZero();
    assertThat(page.eval("typeof window.injected").asText()).isEqualTo("undefined");
    assertThat(page.visibleText()).contains("“Migration finished” can never fire: "
        + "migration/tugboat-demo/app failed with exit 3");
    page.screenshot(Path.of("target/dashboard-fixture-failed.png"));

    page.viewport(390, 800);
    page.waitUntil("the page fits 390 px",
        "document.documentElement.scrollWidth <= 390", WAIT);
    page.screenshot(Path.of("target/dashboard-fixture-narrow.png"));
  }

  @Test
  void readsTheLogsOfAFailedContainerWhenTheStatusCarriesNone() throws Exception {
    daemon.status(StatusFixtures.failed(List.of()));
    daemon.logs("{\"lines\": [\"FATAL: password authentication failed for user demo\"]}");
    openWithToken();

    page.waitForText("#failure", "FATAL: password authentication failed for user demo", WAIT);
    assertThat(daemon.requests())
        .contains("GET /api/v1/containers/migration/tugboat-demo%2Fapp/logs?tail=20");
  }

  @Test
  void stopAsksTheDaemonAndTheNextPollShowsTheAppStopped() throws Exception {
    daemon.status(StatusFixtures.started());
    daemon.onControl(action -> action.equals("stop") ? StatusFixtures.stopped() : null);
    openWithToken();
    page.waitForText("#app-state", "started", WAIT);

    page.click("#btn-stop");

    page.waitForText("#app-state", "stopped", WAIT);
    assertThat(daemon.requests()).contains("POST /api/v1/app/stop");
    assertThat(page.text("#action-result")).isEqualTo("stop requested");
    assertThat(page.eval("document.getElementById('btn-stop').disabled").asBoolean()).isTrue();
    assertThat(row("app/tugboat-demo/app", ".badge")).isEqualTo("stopped");
  }

  @Test
  void showsAnAppThatWasNeverStarted() throws Exception {
    daemon.status(StatusFixtures.neverStarted());
    openWithToken();

    page.waitForText("#app-state", "stopped", WAIT);
    assertThat(page.text("#app-message")).isEqualTo("not started yet");
    assertThat(page.text("#app-meta")).isEqualTo("No run yet · version 1");
    assertThat(page.text("#containers")).isEqualTo("No containers yet: the app has not been started.");
    assertThat(page.text("#timeline")).isEqualTo("Nothing has happened yet.");
    assertThat(page.eval("document.getElementById('btn-start').disabled").asBoolean()).isFalse();
    assertThat(page.eval("document.getElementById('btn-stop').disabled").asBoolean()).isTrue();
  }

  @Test
  void showsTheConfigByGroupLeavingOutWhatIsNotShownAndNeverFillingInASecret() throws Exception {
    daemon.status(StatusFixtures.started());
    openWithToken();
    page.waitUntil("the config form", "document.querySelector('.config-form')", WAIT);

    assertThat(page.eval("[...document.querySelectorAll('#config legend')].map(l => l.textContent)")
        .toString()).isEqualTo("[\"database\",\"tls\",\"TLS <b>certificate</b>\",\"features\","
            + "\"Modules\"]");
    assertThat(page.eval("[...document.querySelectorAll('#config [data-item]')]"
        + ".map(i => i.dataset.item)").toString()).isEqualTo("[\"db_password\",\"db_host\","
            + "\"use_tls\",\"tls_mode\",\"tls_cert\",\"modules\",\"api_key\",\"license_id\"]");
    assertThat(page.eval("[...document.querySelectorAll('#config input, #config textarea')]"
        + ".filter(i => i.value.includes('****')).length").asInt()).isZero();
    assertThat(field("db_password")).containsEntry("value", "").containsEntry("type", "password")
        .containsEntry("placeholder", "Set; type a new value to replace it");
    assertThat(field("api_key")).containsEntry("value", "").containsEntry("type", "password");
    assertThat(field("db_host")).containsEntry("value", "db.internal");
    assertThat(field("license_id")).containsEntry("value", "LIC-42").containsEntry("disabled", "true");
    assertThat(page.eval("document.querySelector(\"input[value='self_signed']\").checked").asBoolean())
        .isTrue();
    assertThat(page.text("[data-item='tls_cert'] .meta")).isEqualTo("Now: <cert.pem, 1183 bytes>");
    assertThat(page.eval("document.querySelector(\"label[for='\" + document.querySelector("
        + "\"[data-item='db_password'] input\").id + \"']\").textContent").asText())
        .isEqualTo("Database password (required)");
    page.screenshot(Path.of("target/dashboard-fixture-config.png"));
  }

  @Test
  void sendsOnlyChangedValuesAndShowsARefusalBesideItsItem(@TempDir Path dir) throws Exception {
    String refusal = "config item 'tls_mode' (TLS certificate): it is select_one: its value must be"
        + " one of self_signed, provided";
    daemon.status(StatusFixtures.started());
    daemon.configReply(new FakeDaemon.Reply(400, JSON.createObjectNode().put("error", refusal)
        .toString()));
    openWithToken();
    page.waitUntil("the config form", "document.querySelector('.config-form')", WAIT);

    page.type("[data-item='db_host'] input", "db2.internal");
    page.click("[data-item='use_tls'] input");
    page.click("#config input[value='provided']");
    page.click("#config input[name='module_export']");
    page.click(".config-form button[type=submit]");

    page.waitForText("[data-item='tls_mode'] .error-text", refusal, WAIT);
    assertThat(page.text(".form-errors")).isEqualTo("The configuration was not saved: " + refusal);
    assertThat(lastPut()).isEqualTo(JSON.readTree("{\"values\": {\"db_host\": \"db2.internal\","
        + " \"use_tls\": \"0\", \"tls_mode\": \"provided\", \"module_export\": \"1\"}}"));

    Path cert = Files.writeString(dir.resolve("server.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n");
    daemon.configReply(new FakeDaemon.Reply(200, resource("/dashboard/config.json")));
    page.type("[data-item='db_password'] input", "n3w-secret");
    page.chooseFile("[data-item='tls_cert'] input", cert);
    page.waitForText("[data-item='tls_cert'] .meta", "New: server.pem, 33 bytes", WAIT);
    page.click(".config-form button[type=submit]");

    page.waitForText(".config-form .action-result", "Saved 6 values. Restart the app to apply them.",
        WAIT);
    assertThat(lastPut()).isEqualTo(JSON.readTree("{\"values\": {\"db_password\": \"n3w-secret\","
        + " \"db_host\": \"db2.internal\", \"use_tls\": \"0\", \"tls_mode\": \"provided\","
        + " \"tls_cert\": \"-----BEGIN CERTIFICATE-----\\nMIIB\\n\", \"module_export\": \"1\"}}"));
    assertThat(page.visible(".form-errors")).isFalse();
  }

  private void openWithToken() throws Exception {
    page.open(daemon.url() + "#token=" + FakeDaemon.TOKEN);
  }

  private String row(String container, String cell) throws Exception {
    return page.text("tr[data-container='" + container + "'] " + cell);
  }

  /** The value, type, placeholder and disabled state of an item's input. */
  private Map<String, String> field(String item) throws Exception {
    return JSON.convertValue(page.eval("(() => { const i = document.querySelector(\"[data-item='"
        + item + "'] input\"); return {value: i.value, type: i.type, placeholder: i.placeholder,"
        + " disabled: String(i.disabled)}; })()"), new TypeReference<Map<String, String>>() {});
  }

  private JsonNode lastPut() throws Exception {
    List<String> puts = daemon.requests().stream().filter(r -> r.startsWith("PUT ")).toList();
    assertThat(puts).isNotEmpty();
    String last = puts.get(puts.size() - 1);
    return JSON.readTree(last.substring(last.indexOf('{')));
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = DashboardPageIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
