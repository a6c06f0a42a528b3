package dev.tugboat.trigger;

import dev.tugboat.events.ProbeOutcome;
import java.util.function.Consumer;

/**
 * One check of whether an event fires. Answers pending, passed or failed (can never fire) with what
 * it saw. A trigger never sleeps and never loops: the orchestrator's loop calls it again after the
 * interval its {@link TriggerKind} asks for. Observed triggers answer from the observation alone and
 * run on the loop; probing triggers do one bounded piece of I/O and run on a worker, unless they
 * can ask without holding a thread ({@link #blocks()}).
 */
@FunctionalInterface
public interface Trigger {
  ProbeOutcome check(Observation publisher);

  /**
   * The same check, answered to {@code then} on whichever thread has the answer. A trigger that
   * does not {@link #blocks() block} overrides it to return at once.
   */
  default void check(Observation publisher, Consumer<ProbeOutcome> then) {
    then.accept(check(publisher));
  }

  /** Whether {@link #check(Observation, Consumer)} holds its caller's thread for its I/O. */
  default boolean blocks() {
    return true;
  }
}
