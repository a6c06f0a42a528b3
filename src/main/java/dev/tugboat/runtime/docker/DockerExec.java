package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.model.Frame;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Runs a command in a running container and collects its exit code and (bounded) output. */
final class DockerExec {
  private final DockerClient client;
  private final DockerCalls calls;
  private final DockerFailures failures;

  DockerExec(DockerClient client, DockerCalls calls, DockerFailures failures) {
    this.client = client;
    this.calls = calls;
    this.failures = failures;
  }

  ExecResult run(ContainerId id, ExecRequest request) {
    String action = "exec " + request.cmd() + " in " + id;
    try {
      ExecCreateCmd create = client.execCreateCmd(id.value()).withCmd(request.cmd()
          .toArray(String[]::new)).withAttachStdout(true).withAttachStderr(true);
      if (!request.user().isEmpty()) {
        create.withUser(request.user());
      }
      String execId = calls.ask(action, () -> create.exec().getId());
      BoundedOutput output = new BoundedOutput(request.maxOutputBytes());
      awaitExit(client.execStartCmd(execId).exec(new Collector(output)), request, action);
      Long exitCode = calls.ask("inspect the exec of " + request.cmd() + " in " + id,
          () -> client.inspectExecCmd(execId).exec().getExitCodeLong());
      return new ExecResult(exitCode == null ? -1 : exitCode.intValue(), output.text(),
          output.truncated());
    } catch (RuntimeException e) {
      throw failures.ofContainer(id, action, e);
    }
  }

  /**
   * The engine has no way to kill an exec'd process: after the timeout we stop reading, and the
   * process runs on inside the container until it ends or the container stops.
   */
  private static void awaitExit(Collector collector, ExecRequest request, String action) {
    try {
      boolean done =
          collector.awaitCompletion(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        collector.close();
        throw RuntimeFailure.timedOut(action + " did not finish within "
            + request.timeout().toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // the attach stream would stay open as long as the command runs: a tail -f, forever
      closeQuietly(collector);
      throw RuntimeFailure.timedOut(action + " was interrupted");
    } catch (IOException e) {
      throw RuntimeFailure.timedOut(action + " did not finish in time and its stream broke: "
          + e.getMessage());
    }
  }

  private static void closeQuietly(Collector collector) {
    try {
      collector.close();
    } catch (IOException e) {
      // the stream is being given up on; a failure to close it changes nothing
    }
  }

  private static final class Collector extends ResultCallback.Adapter<Frame> {
    private final BoundedOutput output;

    Collector(BoundedOutput output) {
      this.output = output;
    }

    @Override
    public void onNext(Frame frame) {
      output.write(frame.getPayload());
    }
  }
}
