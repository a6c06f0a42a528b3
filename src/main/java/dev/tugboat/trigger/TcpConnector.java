package dev.tugboat.trigger;

import java.time.Duration;
import java.util.function.Consumer;

/** One TCP connection attempt. An interface so unit tests answer from a scripted container. */
@FunctionalInterface
public interface TcpConnector {

  enum Answer {
    ACCEPTED,
    REFUSED,
    NO_ANSWER
  }

  Answer connect(String address, int port, Duration timeout);

  /**
   * The same attempt without holding the caller: {@code then} hears the answer on whichever thread
   * has it. By default it asks in place; real sockets watch every attempt on one thread.
   */
  default void connect(String address, int port, Duration timeout, Consumer<Answer> then) {
    then.accept(connect(address, port, timeout));
  }

  /** Real sockets: connect, then close at once. */
  static TcpConnector sockets() {
    return new SocketConnector();
  }
}
