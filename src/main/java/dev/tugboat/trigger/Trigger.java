package dev.tugboat.trigger;

import dev.tugboat.events.ProbeOutcome;

/**
 * One check of whether an event fires. Answers pending, passed or failed (can never fire) with what
 * it saw. A trigger never sleeps and never loops: the orchestrator's loop calls it again after the
 * interval its {@link TriggerKind} asks for. Observed triggers answer from the observation alone and
 * run on the loop; probing triggers do one bounded piece of I/O and run on a worker.
 */
@FunctionalInterface
public interface Trigger {
  ProbeOutcome check(Observation publisher);
}
