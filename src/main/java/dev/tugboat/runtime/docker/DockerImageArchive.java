package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.LoadResponseItem;
import dev.tugboat.runtime.ByteProgress;
import dev.tugboat.runtime.ImageArchive;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link ImageArchive} on the Docker Engine: {@code GET /images/NAME/get} and {@code POST
 * /images/load}. The engine's first answer has a question's deadline; the transfer after it is
 * bounded by silence ({@link DockerDeadlines#pullIdle()}, as a pull is), never by its length.
 */
final class DockerImageArchive implements ImageArchive {

  private static final int BUFFER = 64 * 1024;
  private final DockerClient client;
  private final DockerCalls calls;
  private final DockerFailures failures;

  DockerImageArchive(DockerClient client, DockerCalls calls, DockerFailures failures) {
    this.client = client;
    this.calls = calls;
    this.failures = failures;
  }

  @Override
  public OptionalLong size(String image) {
    try {
      Long size = calls.ask("inspect image " + image,
          () -> client.inspectImageCmd(image).exec().getSize());
      return OptionalLong.of(size == null ? 0 : size);
    } catch (NotFoundException e) {
      return OptionalLong.empty();
    } catch (RuntimeFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw failures.of("inspect image " + image, e);
    }
  }

  @Override
  public void save(String image, OutputStream out, ByteProgress progress) {
    InputStream in;
    try {
      in = calls.ask("save image " + image, () -> client.saveImageCmd(image).exec());
    } catch (NotFoundException e) {
      throw RuntimeFailure.imageNotFound(image);
    } catch (RuntimeFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw failures.of("save image " + image, e);
    }
    try (in; SilenceWatch watch = new SilenceWatch("save " + image,
        calls.deadlines().pullIdle(), in)) {
      byte[] buffer = new byte[BUFFER];
      long done = 0;
      while (true) {
        int n = read(in, buffer, watch, image);
        if (n < 0) {
          return;
        }
        watch.heard();
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write the archive of " + image, e);
        }
        done += n;
        progress.advanced(done);
      }
    } catch (IOException closing) {
      // the whole archive was read; a failure to close the engine's stream changes nothing
    }
  }

  private int read(InputStream in, byte[] buffer, SilenceWatch watch, String image) {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      if (watch.wasSilent()) {
        throw RuntimeFailure.engineDidNotAnswer(failures.engineHost(),
            "save " + image + " (no bytes)", calls.deadlines().pullIdle());
      }
      throw new RuntimeFailure(RuntimeFailure.Kind.ENGINE_ERROR,
          "the engine's archive of " + image + " broke off: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> load(InputStream in, long size, ByteProgress progress) {
    Loaded loaded = new Loaded();
    try (SilenceWatch watch = new SilenceWatch("load", calls.deadlines().pullIdle(),
        loaded)) {
      loaded.watch = watch;
      try {
        client.loadImageAsyncCmd(new Counted(in, watch, progress)).exec(loaded);
        while (!loaded.ended.await(1, TimeUnit.SECONDS)) {
          if (watch.wasSilent()) {
            break;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RuntimeFailure.timedOut("the load of an image archive was interrupted");
      } catch (RuntimeException e) {
        throw failures.of("load images", e);
      }
      if (watch.wasSilent()) {
        throw RuntimeFailure.engineDidNotAnswer(failures.engineHost(),
            "load images (no progress)", calls.deadlines().pullIdle());
      }
    }
    if (loaded.error != null) {
      throw new RuntimeFailure(RuntimeFailure.Kind.ENGINE_ERROR,
          "the Docker Engine refused the image archive: " + loaded.error);
    }
    return List.copyOf(loaded.lines);
  }

  /** The engine's answer to a load: its lines, the first error, and when it ended. */
  private static final class Loaded extends ResultCallback.Adapter<LoadResponseItem> {
    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private volatile SilenceWatch watch;
    private volatile String error;

    @Override
    public void onNext(LoadResponseItem item) {
      SilenceWatch heard = watch;
      if (heard != null) {
        heard.heard();
      }
      if (item.isErrorIndicated()) {
        error = error != null ? error : item.getErrorDetail() != null
            ? item.getErrorDetail().getMessage() : item.getError();
      } else if (item.getStream() != null && !item.getStream().isBlank()) {
        lines.add(item.getStream().strip());
      }
    }

    @Override
    public void onError(Throwable failure) {
      error = error != null ? error : failure.getMessage();
      ended.countDown();
    }

    @Override
    public void onComplete() {
      ended.countDown();
    }
  }

  /** The archive as the engine reads it: each read is progress. */
  private static final class Counted extends FilterInputStream {
    private final SilenceWatch watch;
    private final ByteProgress progress;
    private long done;

    Counted(InputStream in, SilenceWatch watch, ByteProgress progress) {
      super(in);
      this.watch = watch;
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        watch.heard();
        done += n;
        progress.advanced(done);
      }
      return n;
    }
  }
}
