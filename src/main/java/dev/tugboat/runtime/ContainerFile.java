package dev.tugboat.runtime;

import java.util.Objects;

/**
 * A regular file read out of a container: its first bytes, up to the reader's limit, and its
 * whole size, so a caller can say that it was cut.
 */
public record ContainerFile(String path, byte[] content, long size) {
  public ContainerFile {
    Objects.requireNonNull(path, "path");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public boolean cut() {
    return content.length < size;
  }
}
