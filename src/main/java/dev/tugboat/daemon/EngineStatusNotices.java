package dev.tugboat.daemon;

import dev.tugboat.api.EngineStatus;
import dev.tugboat.api.EventLog;
import java.util.function.Consumer;

/**
 * Says each change of whether the Docker Engine answers: a line in the daemon's log, and a status
 * notice on the event stream so a dashboard that follows it reads the status again.
 */
final class EngineStatusNotices implements Consumer<EngineStatus> {

  private final DaemonLog log;
  private final EventLog events;

  EngineStatusNotices(DaemonLog log, EventLog events) {
    this.log = log;
    this.events = events;
  }

  @Override
  public void accept(EngineStatus status) {
    if (status.answering()) {
      log.info("the Docker Engine answers again");
    } else {
      log.warn("the Docker Engine has not answered since " + status.since() + ": "
          + status.reason());
    }
    events.statusChanged();
  }
}
