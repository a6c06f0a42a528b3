package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import java.io.PrintStream;
import java.time.Instant;

/**
 * The instants on the way from a container's exit to its subscriber's create, and when a probe
 * passed, for the trigger-latency benchmark ({@code scripts/bench/trigger-latency.sh}) to say where
 * the time goes.
 * Off unless asked for: {@link #NONE} does nothing, and callers pass only objects they already
 * hold, so a run that does not trace builds no strings and reads no clock for it.
 */
public interface RunTiming {

  /** Traces nothing. */
  RunTiming NONE = new RunTiming() {};

  /** Docker's event stream handed over a container's die ({@code engineTime}: the engine's). */
  default void dieReceived(String containerId, Instant engineTime) {}

  /** The loop took a container's exit from the bus and decides on it. */
  default void exitHandled(String containerId) {}

  /** The planner decided on a container's exit (not yet journaled nor acted on). */
  default void exitDecided(String containerId) {}

  /** The loop acts on a launch decided (and journaled) for {@code key}. */
  default void launchPerformed(ContainerKey key) {}

  /** A worker sends the create call for {@code key}. */
  default void createSent(ContainerKey key) {}

  /** The engine answered {@code key}'s create. */
  default void createAnswered(ContainerKey key) {}

  /** A probe of an event {@code publisher} publishes passed (before the loop hears of it). */
  default void probePassed(ContainerKey publisher) {}

  /**
   * One line per instant on {@code out}: {@code timing <epoch microseconds> <what> <subject>}
   * (a die also names the engine's own time, {@code engine=<epoch microseconds>}).
   */
  static RunTiming printedTo(PrintStream out) {
    return new PrintedTiming(out);
  }

  /** As asked by the system property {@code tugboat.timing} ({@code true}: to stderr). */
  static RunTiming fromSystemProperty() {
    return Boolean.getBoolean("tugboat.timing") ? printedTo(System.err) : NONE;
  }
}
