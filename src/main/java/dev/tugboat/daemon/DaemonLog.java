package dev.tugboat.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's log: one line per fact on stdout, for journald; {@code text} ({@code INFO message})
 * or {@code json} ({@code {"time":..,"level":..,"message":..}}). journald stamps text lines itself.
 * Callers mask secrets before they log. Safe from any thread.
 */
public final class DaemonLog {

  private final PrintStream out;
  private final DaemonConfig.LogFormat format;
  private final Clock clock;
  // made for the json format only: text lines need none, and Jackson's first mapper is dear
  private final ObjectMapper json;
  // what a support bundle shows of the log, whether or not journald keeps it
  private final RecentLines recent = new RecentLines(5_000, 2_000_000);

  public DaemonLog(PrintStream out, DaemonConfig.LogFormat format, Clock clock) {
    this.out = out;
    this.format = format;
    this.clock = clock;
    this.json = format == DaemonConfig.LogFormat.JSON ? new ObjectMapper() : null;
  }

  public void info(String message) {
    write("info", message);
  }

  public void warn(String message) {
    write("warn", message);
  }

  public void error(String message) {
    write("error", message);
  }

  /** The last lines written, oldest first, each with its time (journald is not asked). */
  List<String> recent() {
    return recent.lines();
  }

  private void write(String level, String message) {
    String line;
    if (format == DaemonConfig.LogFormat.JSON) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("time", clock.instant().toString());
      fields.put("level", level);
      fields.put("message", message);
      try {
        line = json.writeValueAsString(fields);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a map of strings always serializes", e);
      }
    } else {
      line = level.toUpperCase(java.util.Locale.ROOT) + " " + message.replace("\n", "\n  ");
    }
    recent.add(format == DaemonConfig.LogFormat.JSON ? line : clock.instant() + " " + line);
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
