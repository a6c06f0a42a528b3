package dev.tugboat.trigger;

import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.RuntimeFailure;
import java.time.Duration;
import java.util.List;

/**
 * {@code exec}: runs {@code args} inside the publisher; the event fires when the command exits 0.
 * The loop runs it at the publisher's start and then every 2 s.
 */
public final class ExecTrigger implements Trigger {

  /** One check may not hold a worker longer than this; the next check tries again. */
  private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);

  private final ContainerRuntime runtime;
  private final List<String> args;

  public ExecTrigger(ContainerRuntime runtime, List<String> args) {
    this.runtime = runtime;
    this.args = List.copyOf(args);
  }

  @Override
  public ProbeOutcome check(Observation publisher) {
    String command = String.join(" ", args);
    if (args.isEmpty()) {
      return ProbeOutcome.failed("exec has no command: give one in args");
    }
    if (publisher.exited()) {
      return ProbeOutcome.failed(publisher.container() + " exited with code "
          + publisher.exitCode().getAsInt() + " before `" + command + "` succeeded");
    }
    try {
      ExecResult result = runtime.exec(ContainerId.of(publisher.containerId()),
          ExecRequest.of(args).withTimeout(EXEC_TIMEOUT));
      if (result.succeeded()) {
        return ProbeOutcome.passed("`" + command + "` exited 0");
      }
      return ProbeOutcome.pending("`" + command + "` exited " + result.exitCode()
          + lastLine(result.output()));
    } catch (RuntimeFailure e) {
      return ProbeOutcome.pending("`" + command + "` could not run: " + e.getMessage());
    }
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    String last = lines[lines.length - 1].strip();
    return last.isEmpty() ? "" : ": " + last;
  }
}
