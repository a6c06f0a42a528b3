package dev.tugboat.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 and length of a part's bytes, taken as they stream past. Not thread-safe. */
final class PartDigest {

  private final MessageDigest digest;
  private long size;

  PartDigest() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  void update(byte[] bytes, int offset, int length) {
    digest.update(bytes, offset, length);
    size += length;
  }

  long size() {
    return size;
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** {@code in}, read through this digest; not closed when the result is. */
  InputStream reading(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          update(b, off, n);
        }
        return n;
      }

      @Override
      public void close() {
        // the archive's stream goes on to the next part
      }
    };
  }

  /** {@code out}, written through this digest. */
  OutputStream writing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        update(b, off, len);
      }

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }
    };
  }
}
