package dev.tugboat.trigger;

import dev.tugboat.events.ProbeOutcome;

/**
 * {@code container-stop}: the instance exited or was stopped. Fires whatever the exit code, as
 * Replicated does; a vendor who needs "only on success" uses {@code container-exit} with {@code "0"}.
 */
public final class ContainerStopTrigger implements Trigger {

  @Override
  public ProbeOutcome check(Observation publisher) {
    if (publisher.exited()) {
      return ProbeOutcome.passed(
          publisher.container() + " exited with code " + publisher.exitCode().getAsInt());
    }
    return ProbeOutcome.pending(publisher.container() + " is still running");
  }
}
