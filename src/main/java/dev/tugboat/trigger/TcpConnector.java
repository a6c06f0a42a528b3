package dev.tugboat.trigger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** One TCP connection attempt. An interface so unit tests answer from a scripted container. */
@FunctionalInterface
public interface TcpConnector {

  enum Answer {
    ACCEPTED,
    REFUSED,
    NO_ANSWER
  }

  Answer connect(String address, int port, Duration timeout);

  /** Real sockets: connect, then close at once. */
  static TcpConnector sockets() {
    return (address, port, timeout) -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, timeout.toMillis()));
        return Answer.ACCEPTED;
      } catch (SocketTimeoutException e) {
        return Answer.NO_ANSWER;
      } catch (IOException e) {
        return Answer.REFUSED;
      }
    };
  }
}
