package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.LogListener;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.StreamEnd;
import dev.tugboat.runtime.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reads a container's output: the last lines, or everything and then each new line. */
final class DockerLogs {
  private final DockerClient client;
  private final DockerDeadlines deadlines;
  private final DockerFailures failures;

  DockerLogs(DockerClient client, DockerDeadlines deadlines, DockerFailures failures) {
    this.client = client;
    this.deadlines = deadlines;
    this.failures = failures;
  }

  List<LogLine> tail(ContainerId id, int lines) {
    List<LogLine> collected = new ArrayList<>();
    Reader reader = new Reader(id, new LogListener() {
      @Override
      public void onLine(LogLine line) {
        collected.add(line);
      }

      @Override
      public void onEnd(StreamEnd end) {}
    });
    String action = "read the logs of " + id;
    try {
      // Ends the stream when it returns false: a tail is a question, with a question's deadline.
      if (!command(id).withTail(lines).exec(reader)
          .awaitCompletion(deadlines.call().toMillis(), TimeUnit.MILLISECONDS)) {
        throw RuntimeFailure.engineDidNotAnswer(failures.engineHost(), action, deadlines.call());
      }
    } catch (RuntimeException e) {
      throw failures.ofContainer(id, action, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RuntimeFailure.timedOut("interrupted while reading the logs of " + id);
    }
    reader.failure().ifPresent(f -> {
      throw f;
    });
    return List.copyOf(collected);
  }

  Subscription follow(ContainerId id, LogListener listener) {
    try {
      return command(id).withFollowStream(true).exec(new Reader(id, listener));
    } catch (RuntimeException e) {
      throw failures.ofContainer(id, "follow the logs of " + id, e);
    }
  }

  private LogContainerCmd command(ContainerId id) {
    return client.logContainerCmd(id.value()).withStdOut(true).withStdErr(true);
  }

  /** Assembles frames into lines; a TTY container's output comes as RAW frames: stdout. */
  private final class Reader extends DockerStream<Frame> {
    private final LogListener listener;
    private final LineAssembler lines;
    private volatile RuntimeFailure failure;

    Reader(ContainerId id, LogListener listener) {
      super(e -> failures.ofContainer(id, "read the logs of " + id, e));
      this.listener = listener;
      this.lines = new LineAssembler(listener::onLine);
    }

    @Override
    void deliver(Frame frame) {
      LogLine.Source source =
          frame.getStreamType() == StreamType.STDERR ? LogLine.Source.STDERR : LogLine.Source.STDOUT;
      lines.accept(source, frame.getPayload());
    }

    @Override
    void beforeEnd() {
      lines.flush();
    }

    @Override
    void ended(StreamEnd end) {
      if (end instanceof StreamEnd.Failed failed) {
        failure = failed.failure();
      }
      listener.onEnd(end);
    }

    Optional<RuntimeFailure> failure() {
      return Optional.ofNullable(failure);
    }
  }
}
