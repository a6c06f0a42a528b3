/**
 * Runs an app: the {@link dev.tugboat.orchestrator.StartPlan} (which event starts which container),
 * the pure {@link dev.tugboat.orchestrator.Planner} (state + event -&gt; next state + decisions), the
 * loop that owns a run's state, the executor that carries decisions out through the container
 * runtime, timeouts, the ready check and the stop cascade.
 *
 * <p>Threading: one thread, the run's loop, owns all run state and is the only caller of the
 * planner; other threads (Docker calls on the worker pool, Docker's event stream, probes, timers)
 * only post {@link dev.tugboat.events.RunEvent}s to it. The loop publishes an immutable status
 * snapshot through one volatile reference after each event; readers on any thread read that.
 * Knows nothing of YAML or HTTP.
 */
package dev.tugboat.orchestrator;
