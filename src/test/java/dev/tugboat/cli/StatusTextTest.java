package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StatusTextTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void printsTheReadyCheckBelowTheAppStateWithWhatItLastSaw() throws Exception {
    assertThat(StatusText.render(status("{\"state\": \"checking\", \"description\":"
        + " \"http_status_code http://10.0.0.5:8000/health 200\", \"last_seen\":"
        + " \"http://10.0.0.5:8000/health answered 503, not 200\"}")))
        .isEqualTo("""
            demo 1.0: starting (every container has started)
            run run-1, started 2026-01-01T00:00:00Z
            ready check http_status_code http://10.0.0.5:8000/health 200: checking, last seen: \
            http://10.0.0.5:8000/health answered 503, not 200
            """);
  }

  @Test
  void saysWhenTheReadyCheckWillRunAndThatItPassed() throws Exception {
    assertThat(StatusText.ready(JSON.readTree("{\"state\": \"not_due\", \"description\":"
        + " \"tcp_port_accept 10.0.0.5 80\", \"last_seen\": \"\"}")))
        .isEqualTo("ready check tcp_port_accept 10.0.0.5 80: runs once every container has started");
    assertThat(StatusText.ready(JSON.readTree("{\"state\": \"passed\", \"description\":"
        + " \"tcp_port_accept 10.0.0.5 80\", \"last_seen\": \"10.0.0.5:80 accepted a connection\"}")))
        .isEqualTo("ready check tcp_port_accept 10.0.0.5 80: passed"
            + " (10.0.0.5:80 accepted a connection)");
  }

  @Test
  void printsNoReadyLineWithoutACheckOrBeforeTheFirstRun() throws Exception {
    assertThat(StatusText.render(status("{\"state\": \"none\", \"description\": \"\","
        + " \"last_seen\": \"\"}"))).doesNotContain("ready check");
    assertThat(StatusText.render(status("null"))).doesNotContain("ready check");
  }

  @Test
  void aTaskOfASwarmServiceShowsTheNodeItRunsOn() throws Exception {
    ObjectNode status = (ObjectNode) status("null");
    status.putArray("components").addObject().put("name", "ring").putArray("containers")
        .addObject().put("key", "ring/cassandra#1").put("state", "running")
        .put("summary", "running since 10:00:00").put("node", "172.17.0.3");

    assertThat(StatusText.render(status)).contains(
        "ring/cassandra#1  running on 172.17.0.3  running since 10:00:00");
  }

  @Test
  void saysWhyTheRunIsPausedBelowTheRunLine() throws Exception {
    ObjectNode paused = (ObjectNode) status("null");
    paused.put("paused", "cannot write the journal at /var/lib/tugboat/runs/run-1.jsonl: No space"
        + " left on device; nothing is acted on until it can be; retrying at most 5 s apart");

    assertThat(StatusText.render(paused)).isEqualTo("""
        demo 1.0: starting (every container has started)
        run run-1, started 2026-01-01T00:00:00Z
        paused: cannot write the journal at /var/lib/tugboat/runs/run-1.jsonl: No space left on \
        device; nothing is acted on until it can be; retrying at most 5 s apart
        """);
    assertThat(StatusText.render(status("null"))).doesNotContain("paused");
  }

  @Test
  void saysWhenDockerDoesNotAnswerAndMarksStatesAsLastSeen() throws Exception {
    JsonNode status = JSON.readTree("{\"app\": {\"name\": \"demo\", \"version\": \"1.0\"},"
        + " \"state\": \"started\", \"message\": \"\", \"run_id\": null,"
        + " \"docker\": \"not answering since 2026-01-01T00:00:00Z: paused\","
        + " \"docker_answering\": false, \"components\": [{\"name\": \"db\", \"containers\":"
        + " [{\"key\": \"db/pg\", \"state\": \"running\", \"summary\": \"running\","
        + " \"ports\": [], \"state_last_seen\": true}]}]}");
    assertThat(StatusText.render(status))
        .contains("docker: not answering since 2026-01-01T00:00:00Z: paused (container states"
            + " below are as last seen)\n")
        .contains("db/pg      running (last seen)  running");
  }

  private static JsonNode status(String ready) throws Exception {
    return JSON.readTree("{\"app\": {\"name\": \"demo\", \"version\": \"1.0\"},"
        + " \"state\": \"starting\", \"message\": \"every container has started\","
        + " \"startup_message\": \"\", \"started_at\": \"2026-01-01T00:00:00Z\","
        + " \"run_id\": \"run-1\", \"ready\": " + ready + ", \"components\": []}");
  }
}
