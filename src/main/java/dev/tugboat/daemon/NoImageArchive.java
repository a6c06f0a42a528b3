package dev.tugboat.daemon;

import dev.tugboat.runtime.ByteProgress;
import dev.tugboat.runtime.ImageArchive;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.OptionalLong;

/** For a supervisor given no engine to load images into: every call is refused. */
enum NoImageArchive implements ImageArchive {
  INSTANCE;

  @Override
  public OptionalLong size(String image) {
    throw refused();
  }

  @Override
  public void save(String image, OutputStream out, ByteProgress progress) {
    throw refused();
  }

  @Override
  public List<String> load(InputStream in, long size, ByteProgress progress) {
    throw refused();
  }

  private static RuntimeFailure refused() {
    return new RuntimeFailure(RuntimeFailure.Kind.ENGINE_ERROR,
        "this daemon has no engine to load images into");
  }
}
