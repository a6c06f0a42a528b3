package dev.tugboat.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A bound AF_UNIX datagram socket, as systemd's notify socket is, for tests to read what was sent.
 * Reads never wait: a datagram sent to a Unix socket is in its queue when {@code sendto} returns.
 */
final class UnixDatagramReceiver implements AutoCloseable {

  interface LibC extends Library {
    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] address, int addressLength) throws LastErrorException;

    NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  private static final LibC C = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
  private static final int MSG_DONTWAIT = 0x40;
  private static final int EAGAIN = 11;

  private final int fd;

  private UnixDatagramReceiver(int fd) {
    this.fd = fd;
  }

  /** Binds {@code name}: a path, or {@code @name} in the abstract namespace. */
  static UnixDatagramReceiver bind(String name) {
    int fd = C.socket(1, 2, 0);
    byte[] address = UnixDatagramSocket.socketAddress(name);
    try {
      C.bind(fd, address, address.length);
    } catch (LastErrorException e) {
      C.close(fd);
      throw e;
    }
    return new UnixDatagramReceiver(fd);
  }

  /** The next datagram already received, as text; empty if none is waiting. */
  Optional<String> poll() {
    byte[] buffer = new byte[4096];
    try {
      int length = C.recv(fd, buffer, new NativeLong(buffer.length), MSG_DONTWAIT).intValue();
      return Optional.of(new String(Arrays.copyOf(buffer, length), StandardCharsets.UTF_8));
    } catch (LastErrorException e) {
      if (e.getErrorCode() == EAGAIN) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void close() {
    C.close(fd);
  }
}
