package dev.tugboat.daemon;

import dev.tugboat.api.ApiEvent;
import dev.tugboat.api.EventLog;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.orchestrator.RunNarrator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The API's event list as a read model of the runs' journals. An event's id is its run's offset
 * ({@link EventIdOffsets}) plus the sequence of its journal line, so the same line gets the same
 * id in every life of the daemon: after a restart the kept journals are read back and a client
 * asking for the events after the last id it saw gets exactly the ones it had not seen. A new
 * run's offset is the highest id any earlier run could have reached, so ids grow across runs.
 *
 * <p>A run's new events are held until the status that follows them is published ({@link
 * #release(long)}): a client that reads the status when an event arrives (the dashboard) must find
 * the status that event led to, not the one before it.
 *
 * <p>{@link #load()}, {@link #begin(String)} and {@link #release(long)} run on the app supervisor;
 * {@link #hold} on a run's loop thread (or the supervisor while the run is read back).
 */
final class EventFeed {

  private final EventLog log;
  private final RunJournals journals;
  private final EventIdOffsets store;
  private final Supplier<SecretMasker> masker;
  private final DaemonLog daemonLog;
  private final TreeMap<String, Long> offsets = new TreeMap<>();
  private final List<ApiEvent> held = new ArrayList<>();
  /** Guarded by {@code held}: see {@link #reach}. */
  private long reached;
  private boolean loaded;

  EventFeed(EventLog log, RunJournals journals, EventIdOffsets store,
      Supplier<SecretMasker> masker, DaemonLog daemonLog) {
    this.log = log;
    this.journals = journals;
    this.store = store;
    this.masker = masker;
    this.daemonLog = daemonLog;
  }

  /**
   * Once, before the first run is read back or started (and after the masker knows the app's
   * secrets): fills the log from the kept journals, oldest first, each event with the id it had.
   * Runs that have no offset yet (journals of a version before offsets) are numbered after the
   * runs before them, and their offsets written down.
   */
  void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    offsets.putAll(store.read());
    long highest = offsets.values().stream().mapToLong(Long::longValue).max().orElse(0);
    boolean numbered = false;
    for (String runId : journals.runIds()) {
      Long known = offsets.get(runId);
      long offset = known == null ? highest : known;
      numbered |= known == null;
      offsets.put(runId, offset);
      Optional<List<JournalEntry>> entries = journals.readOrWarn(runId);
      // A journal that cannot be read issued ids nobody can list again: no entry is shorter than
      // a byte, so its size bounds its last sequence, and later runs number above that.
      long last = entries.map(EventFeed::lastSequence).orElseGet(() -> journals.sizeOf(runId));
      highest = Math.max(highest, offset + last);
      entries.ifPresent(list -> list.forEach(entry -> log.append(event(offset, entry))));
    }
    reach(highest);
    if (numbered) {
      save("numbering the runs' events");
    }
  }

  /**
   * The offset of a new run, written down before its journal exists; refuses the start (507) when
   * it cannot be, since the run's events would then change ids at the next restart.
   */
  long begin(String runId) {
    load();
    long offset = reach(0);
    offsets.put(runId, offset);
    // The file keeps the latest runs' offsets only, and so does memory: a daemon that starts runs
    // for years must not hold one entry per run it ever had. The runs left out have no journal.
    while (offsets.size() > EventIdOffsets.KEEP) {
      offsets.pollFirstEntry();
    }
    try {
      store.save(offsets);
    } catch (IOException e) {
      offsets.remove(runId);
      String message = "cannot write the event id offsets " + store.file() + ": " + e;
      throw StateDirRefusal.logged(daemonLog, message);
    }
    return offset;
  }

  /** The offset of a run read back by {@link #load()}; a run it did not see numbers after all. */
  long offsetOf(String runId) {
    load();
    return offsets.computeIfAbsent(runId, id -> reach(0));
  }

  /**
   * Keeps the entry's event for {@link #release(long)} and returns its text, secrets masked; empty for
   * the loop's bookkeeping.
   */
  String hold(long offset, JournalEntry entry) {
    ApiEvent event = event(offset, entry);
    synchronized (held) {
      held.add(event);
      reached = Math.max(reached, event.id());
    }
    return event.text();
  }

  /**
   * Lists the held events up to id {@code upTo}, the last event of the status just published
   * (one the log already has is not listed again); later ones wait for their own status.
   */
  void release(long upTo) {
    List<ApiEvent> ready = new ArrayList<>();
    synchronized (held) {
      java.util.Iterator<ApiEvent> events = held.iterator();
      while (events.hasNext()) {
        ApiEvent event = events.next();
        if (event.id() <= upTo) {
          ready.add(event);
          events.remove();
        }
      }
    }
    ready.forEach(log::append);
  }

  /**
   * The highest id issued or counted so far, at least {@code id}: a new run numbers above it, even
   * while the last run's latest events are still held.
   */
  private long reach(long id) {
    synchronized (held) {
      reached = Math.max(Math.max(reached, id), log.lastId());
      return reached;
    }
  }

  private ApiEvent event(long offset, JournalEntry entry) {
    SecretMasker mask = masker.get();
    String text = RunNarrator.line(entry).map(mask::mask).orElse("");
    return new ApiEvent(offset + entry.sequence(), entry.time(), entry.runId(),
        entry.record().getClass().getSimpleName(), text, mask.mask(entry.cause()));
  }

  private void save(String why) {
    try {
      store.save(offsets);
    } catch (IOException e) {
      daemonLog.warn(why + ": cannot write " + store.file() + ": " + e
          + "; after the next restart event ids may differ");
    }
  }

  private static long lastSequence(List<JournalEntry> entries) {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
  }

  /** For tests: the offsets known, by run id. */
  Map<String, Long> offsets() {
    return Map.copyOf(offsets);
  }
}
