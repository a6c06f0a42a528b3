package dev.tugboat.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file on a disk of {@code capacity} bytes: a write past it writes what fits, then fails with
 * "No space left on device", as a full file system does. {@link #failTruncate} makes cutting the
 * file fail too.
 */
final class FillingChannel extends FileChannel {

  private final FileChannel file;
  long capacity;
  boolean failTruncate;

  FillingChannel(FileChannel file, long capacity) {
    this.file = file;
    this.capacity = capacity;
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    long room = capacity - position;
    if (room <= 0) {
      throw new IOException("No space left on device");
    }
    if (src.remaining() <= room) {
      return file.write(src, position);
    }
    ByteBuffer part = src.slice().limit((int) room);
    int written = file.write(part, position);
    src.position(src.position() + written);
    return written;
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    if (failTruncate) {
      throw new IOException("Input/output error");
    }
    file.truncate(size);
    return this;
  }

  @Override
  public long size() throws IOException {
    return file.size();
  }

  @Override
  public void force(boolean metaData) throws IOException {
    file.force(metaData);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return file.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    return file.read(dsts, offset, length);
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    throw new UnsupportedOperationException("the journal writes at positions");
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) {
    throw new UnsupportedOperationException("the journal writes at positions");
  }

  @Override
  public long position() throws IOException {
    return file.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    file.position(newPosition);
    return this;
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return file.read(dst, position);
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) {
    throw new UnsupportedOperationException();
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException();
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException();
  }

  @Override
  protected void implCloseChannel() throws IOException {
    file.close();
  }
}
