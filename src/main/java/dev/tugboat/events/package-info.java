/**
 * The vocabulary of a run: the facts posted to its loop ({@link dev.tugboat.events.RunEvent}, a
 * sealed interface of records), the decisions the loop takes ({@link dev.tugboat.events.Decision}),
 * and the {@link dev.tugboat.events.Journal} that keeps both with a sequence number, time, run id
 * and cause. Everything here is an immutable value except journals.
 *
 * <p>Threading: any thread may create and post events; only a run's loop appends to its journal;
 * {@link dev.tugboat.events.Journal#entries()} may be read from any thread. Knows nothing of Docker
 * or HTTP. Record and type names are serialized (Jackson): treat them as a saved format.
 */
package dev.tugboat.events;
