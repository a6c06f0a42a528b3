package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config form on fixtures: groups, shown items, secrets never filled in, changes, refusals. */
class DashboardConfigIT extends FixtureDashboard {

  private static final String VISIBLE = ".filter(e => e.getClientRects().length > 0)";

  @Test
  void showsTheConfigByGroupLeavingOutWhatIsNotShownAndNeverFillingInASecret() throws Exception {
    daemon.status(StatusFixtures.started());
    openWithToken();
    page.waitUntil("the config form", "document.querySelector('.config-form')", WAIT);

    assertThat(page.eval("[...document.querySelectorAll('#config legend')]" + VISIBLE
        + ".map(l => l.textContent)").toString()).isEqualTo("[\"Database\",\"TLS\","
            + "\"TLS <b>certificate</b>\",\"Features\",\"Modules\"]");
    assertThat(page.text("[data-group='database'] .group-description"))
        .isEqualTo("Where the app keeps its data");
    assertThat(shownItems()).isEqualTo("[\"db_password\",\"db_host\","
            + "\"use_tls\",\"tls_mode\",\"tls_cert\",\"modules\",\"api_key\",\"license_id\"]");
    assertThat(page.visible("[data-group='advanced']")).isFalse();
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

  /** An item's test runs with the value typed, not saved, and its verdict shows beside it. */
  @Test
  void anItemsTestRunsWithTheValueTypedAndShowsTheVerdictBesideIt() throws Exception {
    daemon.status(StatusFixtures.started());
    openWithToken();
    page.waitUntil("the config form", "document.querySelector('.config-form')", WAIT);
    assertThat(page.eval("document.querySelectorAll('.test-button').length").asInt()).isEqualTo(1);

    page.type("[data-item='db_host'] input", "db2.internal");
    page.click("[data-item='db_host'] .test-button");
    page.waitUntil("the verdict", "document.querySelector('[data-item=\"db_host\"] .test-result')"
        + ".textContent.startsWith('ERROR')", WAIT);

    assertThat(page.text("[data-item='db_host'] .test-result"))
        .isEqualTo("ERROR: nothing answers on db2.internal:5432");
    assertThat(daemon.requests()).contains(
        "POST /api/v1/config/db_host/test {\"values\":{\"db_host\":\"db2.internal\"}}");
    assertThat(daemon.requests()).noneMatch(r -> r.startsWith("PUT /api/v1/config"));
  }

  @Test
  void itemsAppearAndDisappearAsTheValuesTheirWhenComparesAreEdited() throws Exception {
    daemon.status(StatusFixtures.started());
    openWithToken();
    page.waitUntil("the config form", "document.querySelector('.config-form')", WAIT);
    assertThat(page.visible("[data-item='http_port']")).isFalse();

    page.click("[data-item='use_tls'] input");
    page.waitUntil("http_port shown (use_tls=0)", "!document.querySelector(\"[data-item='http_port']\")"
        + ".hidden", WAIT);
    page.click("#config input[name='module_reports']");
    page.waitUntil("api_key hidden (module_reports!=0 is false)",
        "document.querySelector(\"[data-item='api_key']\").hidden", WAIT);
    assertThat(shownItems()).isEqualTo("[\"db_password\",\"db_host\",\"use_tls\","
        + "\"tls_mode\",\"tls_cert\",\"http_port\",\"modules\",\"license_id\"]");

    page.type("[data-item='http_port'] input", "8080");
    page.click("[data-item='use_tls'] input");
    page.click("#config input[name='module_reports']");
    page.waitUntil("http_port hidden again", "document.querySelector(\"[data-item='http_port']\")"
        + ".hidden", WAIT);
    assertThat(page.visible("[data-item='api_key']")).isTrue();
    assertThat(page.visible("[data-group='advanced']")).isFalse();
    page.click(".config-form button[type=submit]");

    page.waitForText(".config-form .action-result", "Nothing changed.", WAIT);
    assertThat(daemon.requests()).noneMatch(r -> r.startsWith("PUT "));
  }

  private String shownItems() throws Exception {
    return page.eval("[...document.querySelectorAll('#config [data-item]')]" + VISIBLE
        + ".map(i => i.dataset.item)").toString();
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

}
