package dev.tugboat.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Sends datagrams to one AF_UNIX datagram socket, named by a path or, with a leading {@code @}, in
 * the abstract namespace (as {@code $NOTIFY_SOCKET} names it). The JDK's Unix domain channels speak
 * only streams, so this calls libc's {@code socket} and {@code sendto} through JNA. Each send opens
 * and closes its own socket, as {@code sd_notify} does: nothing stays open between sends, and a
 * socket systemd made anew (after {@code systemctl daemon-reexec}) is found. Safe from any thread.
 */
public final class UnixDatagramSocket implements NotifyTransport {

  /** The part of libc this uses. */
  interface LibC extends Library {
    int socket(int domain, int type, int protocol) throws LastErrorException;

    NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address,
        int addressLength) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  private static final int AF_UNIX = 1;
  // The values of x86 and arm Linux, the platforms the packaged JNA carries a library for.
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int MSG_NOSIGNAL = 0x4000;
  private static final int SUN_PATH_SIZE = 108;
  private static final int SUN_PATH_OFFSET = 2;

  private final String name;
  private final byte[] address;
  private volatile LibC libc;

  private UnixDatagramSocket(String name, byte[] address) {
    this.name = name;
    this.address = address;
  }

  /**
   * The socket {@code name} names: an absolute path, or {@code @name} in the abstract namespace.
   *
   * @throws IllegalArgumentException if it is neither, or too long for a socket address
   */
  public static UnixDatagramSocket named(String name) {
    return new UnixDatagramSocket(name, socketAddress(name));
  }

  /**
   * Sends {@code datagram} whole.
   *
   * @throws IOException with the system's reason when libc cannot be loaded or the send fails
   */
  @Override
  public void send(byte[] datagram) throws IOException {
    LibC c = libc();
    int fd;
    try {
      fd = c.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    } catch (LastErrorException e) {
      throw new IOException("cannot open a Unix datagram socket: " + reason(e), e);
    }
    try {
      c.sendto(fd, datagram, new NativeLong(datagram.length), MSG_NOSIGNAL, address,
          address.length);
    } catch (LastErrorException e) {
      throw new IOException("cannot send to " + name + ": " + reason(e), e);
    } finally {
      try {
        c.close(fd);
      } catch (LastErrorException ignored) {
        // nothing was buffered for a datagram socket; the descriptor is gone either way
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * A {@code struct sockaddr_un} for {@code name}, of the length the kernel is to read: a path
   * ends with its NUL; an abstract name starts with one and is exactly as long as written.
   */
  static byte[] socketAddress(String name) {
    boolean isAbstract = name.startsWith("@");
    if (!isAbstract && !name.startsWith("/")) {
      throw new IllegalArgumentException("a Unix socket is named by an absolute path or, in the"
          + " abstract namespace, by @name; not '" + name + "'");
    }
    byte[] path = name.getBytes(StandardCharsets.UTF_8);
    int pathLength = isAbstract ? path.length : path.length + 1;
    if (pathLength > SUN_PATH_SIZE || path.length < 2) {
      throw new IllegalArgumentException("'" + name + "' is not a Unix socket's name: it must be 1"
          + " to " + (SUN_PATH_SIZE - 1) + " bytes after its '/' or '@'");
    }
    ByteBuffer address = ByteBuffer.allocate(SUN_PATH_OFFSET + pathLength)
        .order(ByteOrder.nativeOrder());
    address.putShort((short) AF_UNIX);
    if (isAbstract) {
      address.put((byte) 0).put(path, 1, path.length - 1);
    } else {
      address.put(path).put((byte) 0);
    }
    return address.array();
  }

  private LibC libc() throws IOException {
    LibC loaded = libc;
    if (loaded == null) {
      try {
        loaded = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        // JNA unpacks its own native library into jna.tmpdir: a noexec directory there fails here
        throw new IOException("cannot call libc through JNA (" + e.getMessage() + "); set"
            + " -Djna.tmpdir to a directory where files may be executed", e);
      }
      libc = loaded;
    }
    return loaded;
  }

  /** JNA's text: {@code [errno] strerror}. */
  private static String reason(LastErrorException e) {
    return e.getMessage();
  }
}
