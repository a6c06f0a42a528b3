package dev.tugboat.trigger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@link TcpConnector} on real sockets. A blocking attempt (a ready check) connects on the
 * caller's thread; an attempt without a caller waiting (a port-listen probe, every 50 ms) is a
 * non-blocking connect watched by one {@link ConnectWatcher} thread for all of them, so a probe
 * costs the connect and no thread of its own.
 */
final class SocketConnector implements TcpConnector {

  private final ConnectWatcher watcher = new ConnectWatcher();

  @Override
  public Answer connect(String address, int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, timeout.toMillis()));
      return Answer.ACCEPTED;
    } catch (SocketTimeoutException e) {
      return Answer.NO_ANSWER;
    } catch (IOException e) {
      return Answer.REFUSED;
    }
  }

  @Override
  public void connect(InetSocketAddress address, Duration timeout, Consumer<Answer> then) {
    watcher.connect(address, timeout, then);
  }
}
