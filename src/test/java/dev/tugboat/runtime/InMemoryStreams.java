package dev.tugboat.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The event log and the open streams of the {@link InMemoryRuntime}. Delivers synchronously, in the
 * caller's thread, so a test sees every event before the call that caused it returns.
 */
final class InMemoryStreams {
  private final class EventStream implements Subscription {
    final EventFilter filter;
    final RuntimeEventListener listener;
    boolean open = true;

    EventStream(EventFilter filter, RuntimeEventListener listener) {
      this.filter = filter;
      this.listener = listener;
    }

    @Override
    public void close() {
      synchronized (InMemoryStreams.this) {
        if (open) {
          open = false;
          eventStreams.remove(this);
          listener.onEnd(new StreamEnd.Closed());
        }
      }
    }

    boolean wants(RuntimeEvent event) {
      return event.container().labels().entrySet().containsAll(filter.labels().entrySet());
    }
  }

  private final class LogStream implements Subscription {
    final ContainerId id;
    final LogListener listener;
    boolean open = true;

    LogStream(ContainerId id, LogListener listener) {
      this.id = id;
      this.listener = listener;
    }

    @Override
    public void close() {
      synchronized (InMemoryStreams.this) {
        end(this, new StreamEnd.Closed());
      }
    }
  }

  private final List<RuntimeEvent> eventLog = new ArrayList<>();
  private final List<EventStream> eventStreams = new ArrayList<>();
  private final List<LogStream> logStreams = new ArrayList<>();
  private boolean muted;

  /** While muted, events are logged but open streams are not told (a stream that dropped them). */
  synchronized void mute(boolean value) {
    muted = value;
  }

  synchronized void publish(RuntimeEvent event) {
    eventLog.add(event);
    if (muted) {
      return;
    }
    for (EventStream stream : List.copyOf(eventStreams)) {
      if (stream.wants(event)) {
        stream.listener.onEvent(event);
      }
    }
  }

  /** Delivers the events from now on, as the engine's stream does. */
  synchronized Subscription subscribe(EventFilter filter, RuntimeEventListener listener) {
    EventStream stream = new EventStream(filter, listener);
    eventStreams.add(stream);
    return stream;
  }

  synchronized int openEventStreams() {
    return eventStreams.size();
  }

  synchronized void endEventStreams(StreamEnd end) {
    for (EventStream stream : List.copyOf(eventStreams)) {
      stream.open = false;
      eventStreams.remove(stream);
      stream.listener.onEnd(end);
    }
  }

  synchronized List<RuntimeEvent> eventLog() {
    return List.copyOf(eventLog);
  }

  synchronized Subscription followLogs(
      ContainerId id, List<LogLine> soFar, boolean ended, LogListener listener) {
    LogStream stream = new LogStream(id, listener);
    soFar.forEach(listener::onLine);
    if (ended) {
      stream.open = false;
      listener.onEnd(new StreamEnd.EndedByEngine());
    } else {
      logStreams.add(stream);
    }
    return stream;
  }

  synchronized void logLine(ContainerId id, LogLine line) {
    for (LogStream stream : List.copyOf(logStreams)) {
      if (stream.id.equals(id)) {
        stream.listener.onLine(line);
      }
    }
  }

  synchronized void endLogs(ContainerId id, StreamEnd end) {
    for (LogStream stream : List.copyOf(logStreams)) {
      if (stream.id.equals(id)) {
        end(stream, end);
      }
    }
  }

  synchronized void endAll(StreamEnd end) {
    endEventStreams(end);
    for (LogStream stream : List.copyOf(logStreams)) {
      end(stream, end);
    }
  }

  private void end(LogStream stream, StreamEnd end) {
    if (stream.open) {
      stream.open = false;
      logStreams.remove(stream);
      stream.listener.onEnd(end);
    }
  }
}
