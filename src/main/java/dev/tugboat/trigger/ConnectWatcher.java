package dev.tugboat.trigger;

import dev.tugboat.trigger.TcpConnector.Answer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Non-blocking TCP connects, every one watched by one daemon thread on a selector. A blocking
 * connect per probe held a worker through the round trip and woke a thread for each attempt: with
 * ten ports probed every 50 ms that was most of Tugboat's CPU while it waited. Here an attempt is
 * a socket, a connect and a close; the refusals of attempts made together arrive together and
 * wake this thread once. The thread starts with the first attempt and ends after a while without
 * one. Answers are given on this thread, so whoever hears them must return quickly.
 */
final class ConnectWatcher {

  private static final long IDLE_NANOS = Duration.ofSeconds(30).toNanos();

  private record Attempt(InetSocketAddress address, long deadline, Consumer<Answer> then) {}

  private final Queue<Attempt> submitted = new ConcurrentLinkedQueue<>();
  private Selector selector; // guarded by this; null while no thread watches
  private int watching; // the watcher thread's own

  void connect(InetSocketAddress address, Duration timeout, Consumer<Answer> then) {
    submitted.add(new Attempt(address, System.nanoTime() + timeout.toNanos(), then));
    Selector running;
    synchronized (this) {
      if (selector == null) {
        start();
        return;
      }
      running = selector;
    }
    running.wakeup();
  }

  private void start() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      // No selector (out of file descriptors): no connect could be made either.
      Attempt attempt;
      while ((attempt = submitted.poll()) != null) {
        answer(attempt, Answer.REFUSED);
      }
      return;
    }
    Selector watched = selector;
    Thread thread = new Thread(() -> watch(watched), "tugboat-connect");
    thread.setDaemon(true);
    thread.start();
  }

  private void watch(Selector watched) {
    long idleSince = System.nanoTime();
    try {
      while (true) {
        Attempt attempt;
        while ((attempt = submitted.poll()) != null) {
          begin(watched, attempt);
        }
        long now = System.nanoTime();
        long wait;
        if (watching > 0) {
          wait = expire(watched, now) - now;
          idleSince = now;
        } else if (now - idleSince >= IDLE_NANOS && stop(watched)) {
          return;
        } else {
          wait = IDLE_NANOS - (now - idleSince);
        }
        watched.select(this::ready, Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
      }
    } catch (IOException | RuntimeException e) {
      // The selector failed: what it watched can no longer be answered otherwise.
      for (SelectionKey key : watched.keys()) {
        if (key.attachment() instanceof Attempt pending) {
          finish(key, pending, Answer.REFUSED);
        }
      }
      synchronized (this) {
        selector = null; // the next attempt starts a new thread
      }
      Attempt attempt;
      while ((attempt = submitted.poll()) != null) {
        answer(attempt, Answer.REFUSED);
      }
      try {
        watched.close();
      } catch (IOException closing) {
        // it failed already
      }
    }
  }

  private void begin(Selector watched, Attempt attempt) {
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      if (channel.connect(attempt.address())) {
        close(channel);
        answer(attempt, Answer.ACCEPTED);
        return;
      }
      channel.register(watched, SelectionKey.OP_CONNECT, attempt);
      watching++;
    } catch (IOException | UnresolvedAddressException | UnsupportedAddressTypeException e) {
      // Refused at once (a local address), or no socket could be made: not accepting.
      close(channel);
      answer(attempt, Answer.REFUSED);
    }
  }

  private void ready(SelectionKey key) {
    Attempt attempt = (Attempt) key.attachment();
    try {
      if (((SocketChannel) key.channel()).finishConnect()) {
        finish(key, attempt, Answer.ACCEPTED);
      }
    } catch (IOException e) {
      finish(key, attempt, Answer.REFUSED);
    }
  }

  /** Answers the attempts whose time ran out; returns when the next one runs out. */
  private long expire(Selector watched, long now) {
    long next = now + IDLE_NANOS;
    for (SelectionKey key : watched.keys()) {
      if (key.isValid() && key.attachment() instanceof Attempt attempt) {
        if (attempt.deadline() - now <= 0) {
          finish(key, attempt, Answer.NO_ANSWER);
        } else if (attempt.deadline() - next < 0) {
          next = attempt.deadline();
        }
      }
    }
    return next;
  }

  private void finish(SelectionKey key, Attempt attempt, Answer answer) {
    key.cancel();
    close((SocketChannel) key.channel());
    watching--;
    answer(attempt, answer);
  }

  /** Ends the thread unless an attempt came in meanwhile. */
  private boolean stop(Selector watched) {
    synchronized (this) {
      if (!submitted.isEmpty()) {
        return false;
      }
      selector = null;
    }
    try {
      watched.close();
    } catch (IOException e) {
      // closing frees it; nothing is left to answer
    }
    return true;
  }

  private static void answer(Attempt attempt, Answer answer) {
    try {
      attempt.then().accept(answer);
    } catch (RuntimeException e) {
      // A listener's fault must not end the watching of everyone else's attempts.
    }
  }

  private static void close(SocketChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // a connect attempt's socket: nothing was written to lose
    }
  }
}
