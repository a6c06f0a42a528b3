package dev.tugboat.daemon;

import dev.tugboat.runtime.ByteProgress;
import dev.tugboat.runtime.ImageArchive;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The engine's image archives once its client is made (see {@link ConnectingRuntime}). */
final class ConnectingArchive implements ImageArchive {

  private final CompletableFuture<? extends ImageArchive> connecting;

  ConnectingArchive(CompletableFuture<? extends ImageArchive> connecting) {
    this.connecting = connecting;
  }

  private ImageArchive archive() {
    try {
      return connecting.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public OptionalLong size(String image) {
    return archive().size(image);
  }

  @Override
  public void save(String image, OutputStream out, ByteProgress progress) {
    archive().save(image, out, progress);
  }

  @Override
  public List<String> load(InputStream in, long size, ByteProgress progress) {
    return archive().load(in, size, progress);
  }
}
