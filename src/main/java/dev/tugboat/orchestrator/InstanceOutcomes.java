package dev.tugboat.orchestrator;

import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.trigger.TriggerKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One answer for an event whose publisher runs several instances, from one answer per instance.
 * Replicated's first event wins: the event fires when the first instance passes its trigger
 * ({@code container-start}: the first starts; {@code container-stop}: the first stops; {@code
 * port-listen}: the first listens) and can never fire once every instance can never pass. The
 * extension {@code container-exit} says the container completed with a code, so it waits for
 * every instance to exit with it, and can never fire once one exits with another.
 */
final class InstanceOutcomes {

  private InstanceOutcomes() {}

  static ProbeOutcome combine(TriggerKind kind, List<ProbeOutcome> outcomes) {
    if (outcomes.size() == 1) {
      return outcomes.get(0);
    }
    if (outcomes.isEmpty()) {
      return ProbeOutcome.pending("no instance to check");
    }
    return kind == TriggerKind.CONTAINER_EXIT ? every(outcomes) : first(outcomes);
  }

  private static ProbeOutcome first(List<ProbeOutcome> outcomes) {
    for (ProbeOutcome outcome : outcomes) {
      if (outcome.isPassed()) {
        return outcome;
      }
    }
    boolean allFailed = outcomes.stream()
        .allMatch(o -> o.status() == ProbeOutcome.Status.FAILED);
    return allFailed ? ProbeOutcome.failed(seen(outcomes)) : ProbeOutcome.pending(seen(outcomes));
  }

  private static ProbeOutcome every(List<ProbeOutcome> outcomes) {
    for (ProbeOutcome outcome : outcomes) {
      if (outcome.status() == ProbeOutcome.Status.FAILED) {
        return outcome;
      }
    }
    boolean allPassed = outcomes.stream().allMatch(ProbeOutcome::isPassed);
    return allPassed ? ProbeOutcome.passed(seen(outcomes)) : ProbeOutcome.pending(seen(outcomes));
  }

  private static String seen(List<ProbeOutcome> outcomes) {
    return outcomes.stream().map(ProbeOutcome::lastSeen).filter(s -> !s.isEmpty()).distinct()
        .collect(Collectors.joining("; "));
  }
}
