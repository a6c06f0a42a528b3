package dev.tugboat.cli;

import java.io.IOException;

/** A file's bytes as the HTTP client reads them to send: each read is progress. */
final class SentBytes extends java.io.FilterInputStream {
  private final java.util.function.LongConsumer sent;
  private long done;

  SentBytes(java.io.InputStream in, java.util.function.LongConsumer sent) {
    super(in);
    this.sent = sent;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      done += n;
      sent.accept(done);
    }
    return n;
  }
}