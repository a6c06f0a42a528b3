package dev.tugboat.trigger;

import dev.tugboat.events.ProbeOutcome;

/** Extension {@code healthy}: the image's HEALTHCHECK reports healthy (from Docker's event stream). */
public final class HealthyTrigger implements Trigger {

  @Override
  public ProbeOutcome check(Observation publisher) {
    if (publisher.health().equals("healthy")) {
      return ProbeOutcome.passed(publisher.container() + " is healthy");
    }
    if (publisher.exited()) {
      return ProbeOutcome.failed(publisher.container() + " exited with code "
          + publisher.exitCode().getAsInt() + " before it was healthy");
    }
    String health = publisher.health().isEmpty() ? "no health status yet" : publisher.health();
    return ProbeOutcome.pending(publisher.container() + " reports " + health);
  }
}
