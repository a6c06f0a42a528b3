package dev.tugboat.runtime.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first {@code limit} bytes written to it and remembers whether more came. */
final class BoundedOutput {
  private final int limit;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private boolean truncated;

  BoundedOutput(int limit) {
    this.limit = limit;
  }

  synchronized void write(byte[] chunk) {
    int room = limit - kept.size();
    if (chunk.length > room) {
      truncated = true;
    }
    kept.write(chunk, 0, Math.max(0, Math.min(room, chunk.length)));
  }

  synchronized String text() {
    return kept.toString(StandardCharsets.UTF_8);
  }

  synchronized boolean truncated() {
    return truncated;
  }
}
