/**
 * Triggers: one final class per way an event fires ({@code container-start}, {@code
 * container-stop}, {@code port-listen}, {@code exec}, and the extensions {@code container-exit},
 * {@code healthy}, {@code log-match}, {@code http-status}), each behind the one-method {@link
 * dev.tugboat.trigger.Trigger} interface answering pending, passed or failed with what it saw.
 *
 * <p>Threading: a trigger never sleeps and never loops; the orchestrator's loop owns intervals and
 * deadlines. Observed triggers answer from an {@link dev.tugboat.trigger.Observation} alone and run
 * on the loop thread; probing triggers do one bounded piece of I/O per check and run on a worker.
 * Triggers keep no state between checks, so any thread may call them.
 */
package dev.tugboat.trigger;
