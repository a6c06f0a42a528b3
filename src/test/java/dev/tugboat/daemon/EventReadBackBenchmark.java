package dev.tugboat.daemon;

import dev.tugboat.api.EventLog;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.events.FileJournal;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.JournalRecord;
import dev.tugboat.events.RunEvent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a daemon's start spends reading the kept journals back into the API's event list: RUNS
 * journals (default 20, as many as rotation keeps) of LINES lines each (default 70, a start and a
 * stop of a three-container app), read once as a new JVM does, then again warm. Run by
 * scripts/bench/event-read-back.sh.
 */
public final class EventReadBackBenchmark {

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int lines = args.length > 1 ? Integer.parseInt(args[1]) : 70;
    Path state = Files.createTempDirectory("tugboat-bench-events");
    Files.createDirectories(state.resolve("runs"));
    long bytes = 0;
    for (int run = 0; run < runs; run++) {
      String runId = String.format("20260101-0000%02d.000-bench", run);
      Path file = state.resolve("runs/" + runId + ".jsonl");
      try (FileJournal journal = FileJournal.create(file, entry -> {})) {
        for (int line = 1; line <= lines; line++) {
          journal.append(new JournalEntry(line, Instant.EPOCH.plusMillis(line), runId, 0,
              "runtime", record(line)));
        }
      }
      bytes += Files.size(file);
    }
    System.out.printf("%d journals, %d lines each, %d bytes%n", runs, lines, bytes);
    System.out.printf("first read back (cold JVM): %.1f ms%n", readBack(state) / 1e6);
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 20; i++) {
      best = Math.min(best, readBack(state));
    }
    System.out.printf("read back, warm (best of 20): %.1f ms%n", best / 1e6);
  }

  private static long readBack(Path state) {
    DaemonLog log = new DaemonLog(new PrintStream(OutputStream.nullOutputStream()),
        DaemonConfig.LogFormat.TEXT, Clock.systemUTC());
    EventLog events = new EventLog(10_000);
    EventFeed feed = new EventFeed(events, new RunJournals(state, Clock.systemUTC(), log),
        new EventIdOffsets(state, log::warn), SecretMasker::none, log);
    long start = System.nanoTime();
    feed.load();
    long took = System.nanoTime() - start;
    if (events.lastId() == 0) {
      throw new IllegalStateException("nothing was read back");
    }
    return took;
  }

  /** A mix like a run's: starts, fired events, probes. */
  private static JournalRecord record(int line) {
    ContainerKey key = ContainerKey.parse("db/postgres");
    return switch (line % 3) {
      case 0 -> new RunEvent.ContainerStarted(key, "4f2a9c" + line, Instant.EPOCH, "172.17.0.2",
          List.of());
      case 1 -> new Decision.Fire("db ready", key, "port-listen 5432",
          Duration.ofMillis(line), List.of(ContainerKey.parse("app/web")), "it listens");
      default -> new RunEvent.StopRequested("step " + line);
    };
  }
}
