package dev.tugboat.cli;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.orchestrator.RunNarrator;
import dev.tugboat.orchestrator.RunStatus;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What {@code tugboat run} prints: one timestamped line per fact as the run happens, and a summary
 * at the end. Lines come from the loop thread, the summary from the main thread after the loop
 * ended; the stream is flushed after each line so a reader sees facts as they happen.
 */
final class RunConsole {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private final PrintStream out;

  RunConsole(PrintStream out) {
    this.out = out;
  }

  void say(JournalEntry entry) {
    RunNarrator.line(entry).ifPresent(line -> print(TIME.format(entry.time()) + "  " + line));
  }

  void print(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  void summary(RunStatus status) {
    StringBuilder text = new StringBuilder();
    text.append("\n").append(status.app()).append(" (run ").append(status.runId()).append("): ")
        .append(status.state().label());
    if (status.state() == AppPhase.FAILED) {
      text.append("\n  ").append(status.message().replace("\n", "\n  "));
    }
    for (RunStatus.ContainerStatus container : status.containers()) {
      text.append("\n  ").append(String.format("%-40s %s", container.container(),
          container.summary()));
      if (container.state().equals("failed") && !container.lastOutput().isEmpty()) {
        text.append("\n    last output:\n      ")
            .append(String.join("\n      ", container.lastOutput()));
      }
    }
    print(text.toString());
  }
}
