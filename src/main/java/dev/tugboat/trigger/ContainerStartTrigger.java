package dev.tugboat.trigger;

import dev.tugboat.events.ProbeOutcome;

/**
 * {@code container-start}: Docker reports the process runs. It may still be initializing; that is
 * what {@code port-listen} and {@code exec} are for.
 */
public final class ContainerStartTrigger implements Trigger {

  @Override
  public ProbeOutcome check(Observation publisher) {
    if (publisher.running() || publisher.exited()) {
      return ProbeOutcome.passed(publisher.container() + " started");
    }
    return ProbeOutcome.pending(publisher.container() + " has not started");
  }
}
