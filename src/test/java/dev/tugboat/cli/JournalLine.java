package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;

/**
 * One line of a run's journal file ({@code <state_dir>/runs/<run>.jsonl}) as a user of the file
 * sees it: the record's saved {@code type} and the few fields the chaos tests look at. The text is
 * kept so a failure can quote the journal as it was.
 */
record JournalLine(long sequence, String type, String container, String containerId,
    String event, String phase, String text) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A line that does not parse is kept as type {@code unreadable}: a torn or corrupt journal. */
  static JournalLine parse(String text) {
    try {
      JsonNode entry = JSON.readTree(text);
      JsonNode record = entry.path("record");
      return new JournalLine(entry.path("sequence").asLong(-1), record.path("type").asText("?"),
          key(record.path("container")), record.path("containerId").asText(""),
          record.path("event").asText(""), record.path("phase").asText("").toLowerCase(Locale.ROOT),
          text);
    } catch (IOException e) {
      return new JournalLine(-1, "unreadable", "", "", "", "", text);
    }
  }

  /** A container key is saved as {@code {"component", "container"}}; a string is taken as is. */
  private static String key(JsonNode node) {
    if (node.isObject()) {
      return node.path("component").asText() + "/" + node.path("container").asText();
    }
    return node.asText("");
  }

  boolean is(String type, String component) {
    return this.type.equals(type) && container.startsWith(component + "/");
  }

  /** {@code launch db/tugboat-demo/postgres}, {@code fire "Migration finished"}, {@code app started}. */
  String brief() {
    String what = !event.isEmpty() ? "\"" + event + "\""
        : !container.isEmpty() ? container
        : !phase.isEmpty() ? phase
        : containerId.isEmpty() ? "" : containerId.substring(0, Math.min(12, containerId.length()));
    return (type + " " + what).strip();
  }
}
