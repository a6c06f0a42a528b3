/**
 * The vocabulary of a run: the facts posted to its loop ({@link dev.tugboat.events.RunEvent}, a
 * sealed interface of records), the decisions the loop takes ({@link dev.tugboat.events.Decision}),
 * and the {@link dev.tugboat.events.Journal} that keeps both with a sequence number, time, run id
 * and cause. Everything here is an immutable value except journals and the event bus.
 *
 * <p>Journals: {@link dev.tugboat.events.InMemoryJournal}, and {@link
 * dev.tugboat.events.FileJournal}, one JSON line per entry ({@link dev.tugboat.events.JournalCodec})
 * in {@code <stateDir>/runs/<runId>.jsonl}, read back after a crash; reopening cuts off a torn last
 * line and sets a file damaged in the middle aside, with warnings rather than a refusal. {@link
 * dev.tugboat.events.JournalDirectory} lists, reads and rotates the runs' files.
 *
 * <p>Threading: any thread may create and post events; only a run's loop appends to (and syncs)
 * its journal; {@link dev.tugboat.events.Journal#entries()} may be read from any thread. Knows
 * nothing of Docker or HTTP. Record and type names are serialized (Jackson): treat them as a saved
 * format; a line naming a property or type this version does not know is refused ({@link
 * dev.tugboat.events.JournalFormatException}), never skipped.
 */
package dev.tugboat.events;
