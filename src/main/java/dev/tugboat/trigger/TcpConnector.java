package dev.tugboat.trigger;

import com.google.common.net.InetAddresses;
import java.net.InetSocketAddress;
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
   * has it. By default it asks in place; real sockets watch every attempt on one thread. Made by
   * {@link #addressOf}, {@code address} is resolved already unless it is a name.
   */
  default void connect(InetSocketAddress address, Duration timeout, Consumer<Answer> then) {
    then.accept(connect(address.getHostString(), address.getPort(), timeout));
  }

  /**
   * The address to connect to, made once for the many attempts of a probe: a numeric address is
   * parsed here, with no name server asked; a name stays unresolved, for the connector to resolve
   * on a thread that may wait for it.
   */
  static InetSocketAddress addressOf(String host, int port) {
    return InetAddresses.isInetAddress(host)
        ? new InetSocketAddress(InetAddresses.forString(host), port)
        : InetSocketAddress.createUnresolved(host, port);
  }

  /** Real sockets: connect, then close at once. */
  static TcpConnector sockets() {
    return new SocketConnector();
  }
}
