package dev.tugboat.cli;

import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.AppPhase;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.orchestrator.RunNarrator;
import dev.tugboat.orchestrator.RunStatus;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What {@code tugboat run} prints: one timestamped line per fact as the run happens, and a summary
 * at the end. Lines come from the loop thread, the summary from the main thread after the loop
 * ended; the stream is flushed after each line so a reader sees facts as they happen. Every text
 * passes the app's secret masker first, as the daemon's log and API do: a fact can quote a
 * container's output or a rendered value.
 */
final class RunConsole {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private final PrintStream out;
  private volatile SecretMasker masker;

  RunConsole(PrintStream out, SecretMasker masker) {
    this.out = out;
    this.masker = masker;
  }

  /** More values to hide: an env var excluded from support, as it renders on the loop thread. */
  synchronized void addSecrets(List<String> values) {
    masker = masker.with(values);
  }

  void say(JournalEntry entry) {
    RunNarrator.line(entry).ifPresent(line -> print(TIME.format(entry.time()) + "  " + line));
  }

  void print(String text) {
    String masked = masker.mask(text);
    synchronized (out) {
      out.println(masked);
      out.flush();
    }
  }

  void summary(RunStatus status) {
    StringBuilder text = new StringBuilder();
    text.append("\n").append(status.app()).append(" (run ").append(status.runId()).append("): ")
        .append(status.state().label());
    if (status.state() == AppPhase.FAILED) {
      text.append("\n  ").append(masker.mask(status.message()).replace("\n", "\n  "));
    }
    for (RunStatus.ContainerStatus container : status.containers()) {
      text.append("\n  ").append(String.format("%-40s %s", container.container(),
          container.summary()));
      if (container.state().equals("failed") && !container.lastOutput().isEmpty()) {
        text.append("\n    last output:\n      ")
            .append(String.join("\n      ", masker.maskLines(container.lastOutput())));
      }
    }
    print(text.toString());
  }
}
