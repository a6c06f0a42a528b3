package dev.tugboat.orchestrator;

import dev.tugboat.events.ProbeOutcome;

/** One check of {@code state.ready}: pending until it passes. Runs on a worker; one bounded try. */
@FunctionalInterface
public interface ReadyProbe {
  ProbeOutcome check();
}
