package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.RuntimeFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The last lines of a task that runs on another node: the manager gathers them from that node's
 * engine ({@code GET /tasks/ID/logs}), which a container's own log call on this engine cannot.
 */
final class SwarmTaskLogs {
  private final DockerClient client;
  private final DockerDeadlines deadlines;
  private final DockerFailures failures;

  SwarmTaskLogs(DockerClient client, DockerDeadlines deadlines, DockerFailures failures) {
    this.client = client;
    this.deadlines = deadlines;
    this.failures = failures;
  }

  List<LogLine> tail(String taskId, String displayName, int lines) {
    List<LogLine> collected = new ArrayList<>();
    LineAssembler assembler = new LineAssembler(collected::add);
    String action = "read the logs of " + displayName + " (task " + taskId + ")";
    ResultCallback.Adapter<Frame> reader = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        synchronized (collected) {
          assembler.accept(frame.getStreamType() == StreamType.STDERR ? LogLine.Source.STDERR
              : LogLine.Source.STDOUT, frame.getPayload());
        }
      }
    };
    try {
      if (!client.logTaskCmd(taskId).withStdout(true).withStderr(true).withTail(lines)
          .exec(reader).awaitCompletion(deadlines.call().toMillis(), TimeUnit.MILLISECONDS)) {
        closeQuietly(reader);
        throw RuntimeFailure.engineDidNotAnswer(failures.engineHost(), action, deadlines.call());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RuntimeFailure.timedOut("interrupted while waiting to " + action);
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    }
    synchronized (collected) {
      assembler.flush();
      return List.copyOf(collected);
    }
  }

  private static void closeQuietly(ResultCallback.Adapter<Frame> reader) {
    try {
      reader.close();
    } catch (java.io.IOException e) {
      // the stream is abandoned either way
    }
  }
}
