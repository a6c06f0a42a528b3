package dev.tugboat.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Several event streams delivered as one, as a listener expects one: one call at a time, and one
 * end. The first stream to end for any reason but its subscriber's close ends the others, so a
 * listener that re-reads state after a broken stream re-reads all of it; an event that a stream
 * delivers after the end is dropped.
 */
public final class JoinedEvents {

  private JoinedEvents() {}

  /** Subscribes {@code listener} to every stream {@code sources} opens, in order. */
  public static Subscription subscribe(RuntimeEventListener listener,
      List<Function<RuntimeEventListener, Subscription>> sources) {
    Joined joined = new Joined(listener);
    for (Function<RuntimeEventListener, Subscription> source : sources) {
      joined.add(source.apply(joined));
    }
    return joined;
  }

  private static final class Joined implements RuntimeEventListener, Subscription {
    private final RuntimeEventListener listener;
    private final List<Subscription> streams = new ArrayList<>();
    private boolean ended;

    Joined(RuntimeEventListener listener) {
      this.listener = listener;
    }

    synchronized void add(Subscription stream) {
      if (ended) {
        stream.close();
        return;
      }
      streams.add(stream);
    }

    @Override
    public synchronized void onEvent(RuntimeEvent event) {
      if (!ended) {
        listener.onEvent(event);
      }
    }

    @Override
    public void onEnd(StreamEnd end) {
      List<Subscription> others;
      synchronized (this) {
        if (ended) {
          return;
        }
        ended = true;
        others = List.copyOf(streams);
        listener.onEnd(end);
      }
      others.forEach(Subscription::close);
    }

    @Override
    public void close() {
      List<Subscription> all;
      synchronized (this) {
        all = List.copyOf(streams);
      }
      all.forEach(Subscription::close);
      onEnd(new StreamEnd.Closed());
    }
  }
}
