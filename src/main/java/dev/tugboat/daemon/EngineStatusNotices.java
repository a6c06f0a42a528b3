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
  /** The log says when the engine stops or starts answering, not each new reason meanwhile. */
  private boolean answering = true;

  EngineStatusNotices(DaemonLog log, EventLog events) {
    this.log = log;
    this.events = events;
  }

  @Override
  public synchronized void accept(EngineStatus status) {
    if (status.answering() != answering) {
      answering = status.answering();
      if (answering) {
        log.info("the Docker Engine answers again");
      } else {
        log.warn("the Docker Engine has not answered since " + status.since() + ": "
            + status.reason() + "; container states are as last seen until it answers");
      }
    }
    events.statusChanged();
  }
}
