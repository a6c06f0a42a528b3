package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an operator sees of the app and does with it, on fixtures: token, state, failure, stop. */
class DashboardPageIT extends FixtureDashboard {

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
  void theTimelineFollowsTheEventStreamWithoutWaitingForAPoll() throws Exception {
    daemon.status(StatusFixtures.starting());
    openWithToken();
    page.waitUntil("the event stream open and the status read after it",
        "document.getElementById('connection').dataset.refresh === 'stream opened'", WAIT);
    assertThat(page.text("#timeline")).doesNotContain("“Migration finished” fired");
    assertThat(daemon.requests()).contains("GET /api/v1/events/stream?after=latest");
    long reads = statusReads();

    // While the stream is open the page reads the status every 30 s only, longer than WAIT.
    daemon.status(StatusFixtures.started());

    page.waitForText("#timeline", "“Migration finished” fired", WAIT);
    assertThat(page.eval("document.getElementById('connection').dataset.refresh").asText())
        .isEqualTo("event");
    assertThat(statusReads()).isEqualTo(reads + 1);
    assertThat(page.text("#connection")).isEqualTo("Live");
  }

  @Test
  void aStartupMessageShowsOnTheStreamsNoticeWithoutWaitingForAPoll() throws Exception {
    daemon.status(StatusFixtures.starting());
    openWithToken();
    page.waitUntil("the event stream open and the status read after it",
        "document.getElementById('connection').dataset.refresh === 'stream opened'", WAIT);
    long reads = statusReads();

    daemon.statusWithoutEvent(StatusFixtures.starting().replace("\"startup_message\":\"\"",
        "\"startup_message\":\"Migrating: 40% of the tables\""));

    page.waitForText("#app-startup", "Migrating: 40% of the tables", WAIT);
    assertThat(statusReads()).isEqualTo(reads + 1);
    assertThat(page.text("#connection")).isEqualTo("Live");
  }

  @Test
  void aBrokenEventStreamFallsBackToPollingAndOpensAgainAfterTheLastEvent() throws Exception {
    daemon.status(StatusFixtures.starting());
    openWithToken();
    page.waitUntil("the event stream open", "document.getElementById('connection')"
        + ".dataset.refresh === 'stream opened'", WAIT);
    daemon.status(StatusFixtures.checkingReady("http://10.0.0.5:8000/health answered 503, not 200"));
    page.waitForText("#app-ready", "answered 503", WAIT);

    daemon.endStreams();
    page.waitForText("#connection", "Live (event stream lost: reading the status every 2 s)", WAIT);
    page.waitUntil("the event stream open again", "document.getElementById('connection')"
        + ".dataset.refresh === 'stream opened'", WAIT);

    assertThat(daemon.requests()).filteredOn(r -> r.startsWith("GET /api/v1/events/stream"))
        .containsExactly("GET /api/v1/events/stream?after=latest", "GET /api/v1/events/stream");
    assertThat(daemon.streamLastEventIds()).containsExactly("", "2");
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
  void warnsOfAFailedContainerWhenTheAppStartedAnyway() throws Exception {
    daemon.status(StatusFixtures.startedWithAFailedEphemeral());
    openWithToken();
    page.waitForText("#app-state", "started", WAIT);

    assertThat(page.eval("document.getElementById('failure').innerText").asText())
        .isEqualTo("A container failed\n\nmigration/tugboat-demo/app failed: it exited with code 3."
            + "\n\nLast lines of its output:\n\nconnecting to db");
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
  void showsTheReadyCheckBesideTheAppState() throws Exception {
    daemon.status(StatusFixtures.starting());
    openWithToken();
    page.waitForText("#app-ready", "Ready check http_status_code http://10.0.0.5:8000/health 200 5:"
        + " runs once every container has started", WAIT);

    daemon.status(StatusFixtures.checkingReady(
        "http://10.0.0.5:8000/health answered 503, not 200"));
    page.waitForText("#app-ready", "Ready check http_status_code http://10.0.0.5:8000/health 200 5:"
        + " checking, last seen: http://10.0.0.5:8000/health answered 503, not 200", WAIT);

    daemon.status(StatusFixtures.started());
    page.waitForText("#app-ready", "Ready check http_status_code http://10.0.0.5:8000/health 200 5:"
        + " passed (status 200)", WAIT);

    daemon.status(StatusFixtures.neverStarted());
    page.waitForText("#app-state", "stopped", WAIT);
    assertThat(page.visible("#app-ready")).isFalse();
  }

  @Test
  void saysWhenDockerDoesNotAnswerAndShowsLiveContainersAsUnknown() throws Exception {
    daemon.status(StatusFixtures.dockerUnreachable());
    openWithToken();

    page.waitForText("#app-docker", "Docker does not answer (Cannot connect to the Docker Engine"
        + " at unix:///var/run/docker.sock): container states are the last known; Tugboat"
        + " reconnects and checks them again.", WAIT);
    assertThat(row("db/tugboat-demo/postgres", ".badge")).isEqualTo("unknown");

    daemon.status(StatusFixtures.started());
    page.waitForText("tr[data-container='db/tugboat-demo/postgres'] .badge", "running", WAIT);
    assertThat(page.visible("#app-docker")).isFalse();
  }

  private long statusReads() {
    return daemon.requests().stream().filter(r -> r.equals("GET /api/v1/status")).count();
  }

  private String row(String container, String cell) throws Exception {
    return page.text("tr[data-container='" + container + "'] " + cell);
  }
  @Test
  void theNodesPanelListsEachNodeWithItsTasksAndAddsAndRemovesTags() throws Exception {
    daemon.status(StatusFixtures.started());
    daemon.nodes(nodes("[]"));
    daemon.onTags(request -> {
      daemon.nodes(nodes(request.contains("\"add\":[\"db\"]") ? "[\"db\"]" : "[]"));
      return new FakeDaemon.Reply(200, "{}");
    });
    openWithToken();
    String worker = "#nodes tr[data-node='tugboat-worker-1']";
    page.waitUntil("the worker's row", "document.querySelector(\"" + worker + "\") !== null", WAIT);
    assertThat(page.text(worker + " td:nth-of-type(1)")).isEqualTo("worker");
    assertThat(page.text(worker + " td:nth-of-type(5)")).isEqualTo("shop_cassandra running");
    assertThat(page.text("#nodes tr[data-node='manager-host'] td:nth-of-type(1)"))
        .isEqualTo("manager (leader)");
    assertThat(page.text("#nodes tr[data-node='manager-host'] td:nth-of-type(6)"))
        .isEqualTo("1 running, 1 completed");
    assertThat(page.text(worker + " td:nth-of-type(6)")).isEqualTo("—");

    page.type(worker + " input.tag-input", "db");
    page.pressEnter();
    page.waitUntil("the db tag", "document.querySelector(\"" + worker + " [data-tag='db']\") !== null",
        WAIT);
    page.waitForText("#nodes-result", "Tag added db to tugboat-worker-1.", WAIT);
    page.click(worker + " [data-tag='db'] button");
    page.waitUntil("the db tag gone",
        "document.querySelector(\"" + worker + " [data-tag='db']\") === null", WAIT);
    assertThat(daemon.requests()).contains(
        "POST /api/v1/nodes/w1/tags {\"add\":[\"db\"]}",
        "POST /api/v1/nodes/w1/tags {\"remove\":[\"db\"]}");
  }

  @Test
  void aNodeThatGoesDownShowsWithoutAReload() throws Exception {
    daemon.status(StatusFixtures.started());
    daemon.nodes(nodes("[]"));
    openWithToken();
    String state = "#nodes tr[data-node='tugboat-worker-1'] td:nth-of-type(2)";
    page.waitUntil("the worker's row", "document.querySelector(\"" + state + "\") !== null", WAIT);
    assertThat(page.text(state)).isEqualTo("ready");

    daemon.nodes(nodes("[]").replace("\"state\": \"ready\", \"address\": \"172.17.0.2\"",
        "\"state\": \"down\", \"address\": \"172.17.0.2\""));

    page.waitForText(state, "down", WAIT);
  }

  private static String nodes(String workerTags) {
    return """
        {"swarm": "manager", "message": "", "unplaced_tasks": [], "nodes": [
          {"id": "m1", "hostname": "manager-host", "role": "manager", "leader": true,
           "availability": "active", "state": "ready", "address": "172.17.0.1",
           "engine_version": "20.10.24", "tags": [], "labels": {}, "tasks": [],
           "containers": [{"name": "tugboat-shop-web-1", "container": "web/nginx", "state": "running"},
             {"name": "tugboat-shop-setup-1", "container": "setup/app", "state": "completed"}]},
          {"id": "w1", "hostname": "tugboat-worker-1", "role": "worker", "leader": false,
           "availability": "active", "state": "ready", "address": "172.17.0.2",
           "engine_version": "20.10.24", "tags": %s, "labels": {},
           "tasks": [{"id": "t1", "service": "shop_cassandra", "app": "shop", "state": "running"}]}]}
        """.formatted(workerTags);
  }
}
