package dev.tugboat.systemd;

import java.io.IOException;

/** Where systemd's notifications go: one datagram per message. */
public interface NotifyTransport {

  /**
   * Sends {@code datagram} whole, or throws.
   *
   * @throws IOException when it cannot be sent; the message is lost, the caller goes on
   */
  void send(byte[] datagram) throws IOException;
}
