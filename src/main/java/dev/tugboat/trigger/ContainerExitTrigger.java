package dev.tugboat.trigger;

import dev.tugboat.events.ProbeOutcome;

/**
 * Extension {@code container-exit}: fires only when the instance exits with the code in {@code
 * data}; any other exit code means it can never fire (unless a restart runs it again, which the
 * loop handles by asking again).
 */
public final class ContainerExitTrigger implements Trigger {

  private final int expectedCode;

  public ContainerExitTrigger(int expectedCode) {
    this.expectedCode = expectedCode;
  }

  /** Parses {@code data}; a spec that passed validation has a number there. */
  public static ContainerExitTrigger fromData(String data) {
    try {
      return new ContainerExitTrigger(Integer.parseInt(data.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "container-exit needs an exit code in data (\"0\"), got \"" + data + "\"", e);
    }
  }

  @Override
  public ProbeOutcome check(Observation publisher) {
    if (!publisher.exited()) {
      return ProbeOutcome.pending(publisher.container() + " is still running");
    }
    int code = publisher.exitCode().getAsInt();
    String seen = publisher.container() + " exited with code " + code;
    return code == expectedCode
        ? ProbeOutcome.passed(seen)
        : ProbeOutcome.failed(seen + ", not " + expectedCode);
  }
}
