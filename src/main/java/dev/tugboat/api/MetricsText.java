package dev.tugboat.api;

import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.events.AppPhase;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /metrics} in Prometheus' text format: the app's state, containers by state, events
 * fired, and API requests by route and code. Built from the snapshot, never from Docker.
 */
final class MetricsText {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsText() {}

  static String render(ApiContext context) {
    AppSnapshot snapshot = context.service().snapshot();
    StringBuilder out = new StringBuilder();
    out.append("# HELP tugboat_app_state 1 for the app's current state.\n");
    out.append("# TYPE tugboat_app_state gauge\n");
    for (AppPhase state : AppPhase.values()) {
      out.append("tugboat_app_state{state=\"").append(state.label()).append("\"} ")
          .append(state == snapshot.state() ? 1 : 0).append('\n');
    }
    Map<String, Integer> byState = new TreeMap<>();
    int fired = 0;
    RunStatus run = snapshot.run();
    if (run != null) {
      run.containers().forEach(c -> byState.merge(c.state(), 1, Integer::sum));
      fired = (int) run.events().stream().filter(RunStatus.EventStatus::fired).count();
    }
    out.append("# HELP tugboat_containers Containers of the current run by state.\n");
    out.append("# TYPE tugboat_containers gauge\n");
    byState.forEach((state, count) -> out.append("tugboat_containers{state=\"").append(state)
        .append("\"} ").append(count).append('\n'));
    out.append("# HELP tugboat_events_fired Events of the current run that fired.\n");
    out.append("# TYPE tugboat_events_fired gauge\n");
    out.append("tugboat_events_fired ").append(fired).append('\n');
    context.service().triggerLatency().render("tugboat_trigger_latency_seconds", out);
    out.append("# HELP tugboat_api_connections_open Connections open to the API now.\n");
    out.append("# TYPE tugboat_api_connections_open gauge\n");
    out.append("tugboat_api_connections_open ").append(context.connections().open()).append('\n');
    out.append("# HELP tugboat_api_connections_refused_total Connections refused at the cap.\n");
    out.append("# TYPE tugboat_api_connections_refused_total counter\n");
    out.append("tugboat_api_connections_refused_total ").append(context.connections().refused())
        .append('\n');
    out.append("# HELP tugboat_api_requests_total API requests by route and status code.\n");
    out.append("# TYPE tugboat_api_requests_total counter\n");
    context.metrics().snapshot().forEach((key, count) -> out
        .append("tugboat_api_requests_total{route=\"").append(key.route()).append("\",code=\"")
        .append(key.code()).append("\"} ").append(count).append('\n'));
    return out.toString();
  }
}
