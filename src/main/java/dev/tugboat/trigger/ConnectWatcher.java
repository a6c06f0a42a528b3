package dev.tugboat.trigger;

import dev.tugboat.trigger.TcpConnector.Answer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Non-blocking TCP connects. A blocking connect per probe held a worker through the round trip and
 * woke a thread for each attempt: with ten ports probed every 50 ms that was most of Tugboat's CPU
 * while it waited. A connect to an address on this host (a container's, on a bridge) is answered
 * within the connect call itself: the kernel hands the SYN to the container and its refusal or
 * acceptance back before the call returns. So the caller's thread connects, asks once whether it
 * is answered, and hears the answer at once, waking no other thread. Only an attempt still under
 * way (a remote address, one that drops the SYN) goes to one daemon thread that watches all such
 * on a selector, answers them there and gives up on them at their timeout. That thread starts
 * with the first such attempt and ends after a while without one. Whoever hears an answer must
 * return quickly: it holds the caller or the watcher.
 */
final class ConnectWatcher {

  private static final long IDLE_NANOS = Duration.ofSeconds(30).toNanos();

  /** A connect to make or under way ({@code channel} null until it is made). */
  private record Attempt(InetSocketAddress address, SocketChannel channel, long deadline,
      Consumer<Answer> then) {}

  private final Queue<Attempt> submitted = new ConcurrentLinkedQueue<>();
  private Selector selector; // guarded by this; null while no thread watches
  private int watching; // the watcher thread's own

  /**
   * Connects to {@code address}; an unresolved one (a host name) is resolved and connected on the
   * watcher's thread, so that a name server never holds the caller.
   */
  void connect(InetSocketAddress address, Duration timeout, Consumer<Answer> then) {
    Attempt attempt = new Attempt(address, null, System.nanoTime() + timeout.toNanos(), then);
    if (address.isUnresolved()) {
      handOver(attempt);
      return;
    }
    begin(attempt).ifPresent(this::handOver);
  }

  /**
   * Makes the attempt's connect and answers it if the kernel already has the answer; an attempt
   * still under way is returned, with its channel, to be watched.
   */
  private Optional<Attempt> begin(Attempt attempt) {
    SocketChannel channel = null;
    try {
      InetSocketAddress address = attempt.address().isUnresolved()
          ? new InetSocketAddress(attempt.address().getHostString(), attempt.address().getPort())
          : attempt.address();
      // An IPv4 socket for an IPv4 address: a dual-stack one costs an option and the IPv6 path.
      channel = address.getAddress() instanceof Inet4Address
          ? SocketChannel.open(StandardProtocolFamily.INET) : SocketChannel.open();
      channel.configureBlocking(false);
      if (channel.connect(address) || channel.finishConnect()) {
        close(channel);
        answer(attempt, Answer.ACCEPTED);
        return Optional.empty();
      }
      return Optional.of(new Attempt(address, channel, attempt.deadline(), attempt.then()));
    } catch (IOException | UnresolvedAddressException | UnsupportedAddressTypeException e) {
      // Refused (by a local address, at once), or no socket could be made: not accepting.
      close(channel);
      answer(attempt, Answer.REFUSED);
      return Optional.empty();
    }
  }

  private void handOver(Attempt attempt) {
    submitted.add(attempt);
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
        close(attempt.channel());
        answer(attempt, Answer.REFUSED);
      }
      return;
    }
    Selector watched = selector;
    Thread thread = new Thread(() -> run(watched), "tugboat-connect");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(Selector watched) {
    long idleSince = System.nanoTime();
    try {
      while (true) {
        Attempt attempt;
        while ((attempt = submitted.poll()) != null) {
          register(watched, attempt);
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
        close(attempt.channel());
        answer(attempt, Answer.REFUSED);
      }
      try {
        watched.close();
      } catch (IOException closing) {
        // it failed already
      }
    }
  }

  private void register(Selector watched, Attempt attempt) {
    Optional<Attempt> underWay = attempt.channel() == null ? begin(attempt) : Optional.of(attempt);
    if (underWay.isEmpty()) {
      return;
    }
    try {
      underWay.get().channel().register(watched, SelectionKey.OP_CONNECT, underWay.get());
      watching++;
    } catch (IOException e) {
      close(underWay.get().channel());
      answer(underWay.get(), Answer.REFUSED);
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
