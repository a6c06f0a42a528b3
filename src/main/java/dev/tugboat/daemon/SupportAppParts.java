package dev.tugboat.daemon;

import dev.tugboat.api.AppService;
import dev.tugboat.api.SupportViews;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The support bundle's files the daemon serves through its API anyway, as the API shows them
 * (status, events, history, config values, the last preflight), and the daemon's own log: its
 * recent lines from memory and, where journald keeps them, older ones from {@code journalctl}.
 */
final class SupportAppParts {

  private final AppService app;
  private final Supplier<List<String>> daemonLog;
  private final SupportLimits limits;
  private final Path scratch;

  SupportAppParts(AppService app, Supplier<List<String>> daemonLog, SupportLimits limits,
      Path scratch) {
    this.app = app;
    this.daemonLog = daemonLog;
    this.limits = limits;
    this.scratch = scratch;
  }

  List<SupportPart> parts() {
    List<SupportPart> parts = new ArrayList<>();
    parts.add(new SupportPart("status.json", "the status, as GET /api/v1/status shows it",
        () -> new SupportContent.Document(
            new String(SupportViews.status(app), StandardCharsets.UTF_8))));
    parts.add(new SupportPart("events.json", "the events of the last runs, as GET /api/v1/events"
        + " lists them, oldest first", () -> new SupportContent.Value(
            Map.of("events", app.events().after(0, Integer.MAX_VALUE)))));
    parts.add(new SupportPart("history.json", "the daemon's runs, newest first (GET"
        + " /api/v1/history)", () -> new SupportContent.Value(Map.of("runs", app.history().get()))));
    parts.add(new SupportPart("config.json", "the config items and their values (GET"
        + " /api/v1/config; password items masked)",
        () -> new SupportContent.Value(app.config().get())));
    parts.add(new SupportPart("preflight.json", "the last preflight's results (of a start or"
        + " of GET /api/v1/preflight)", () -> {
          Object last = app.lastPreflight();
          if (last == null) {
            throw new SupportPart.Missing("no preflight has run since the daemon started");
          }
          return new SupportContent.Value(last);
        }));
    parts.add(new SupportPart("daemon.log", "the daemon's log lines since it started (the last"
        + " 5000 at most), from its memory", () -> new SupportContent.Lines(daemonLog.get())));
    parts.add(new SupportPart("journalctl.log", "journalctl -u tugboat: the daemon's log as"
        + " journald kept it, earlier starts included",
        () -> new SupportContent.Lines(JournalctlTail.read(limits.hostJournal(), scratch))));
    return parts;
  }
}
