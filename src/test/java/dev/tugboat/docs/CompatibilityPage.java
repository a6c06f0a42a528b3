package dev.tugboat.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of docs/compatibility.md by the heading above them: each row's key (the first
 * backticked word of its first cell) and its status (the second cell).
 */
public record CompatibilityPage(Map<String, List<Row>> tables) {
  public static final Path FILE = Path.of("docs/compatibility.md");
  /** What Tugboat does with a key or function; {@code unknown}: Replicated has it, Tugboat does not. */
  public static final Set<String> STATUSES = Set.of("used", "warned", "refused", "ignored", "unknown");

  private static final Pattern KEY = Pattern.compile("`([^`]+)`");

  /** One table row, with its line in the page for messages. */
  public record Row(String key, String status, int line) {
    public boolean isUnknown() {
      return status.equals("unknown");
    }
  }

  public static CompatibilityPage read() throws IOException {
    return parse(Files.readString(FILE));
  }

  static CompatibilityPage parse(String text) {
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    String heading = "";
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("#")) {
        heading = line.replaceFirst("^#+\\s*", "").replace("`", "").strip();
      } else if (line.startsWith("|")) {
        String[] cells = line.split("\\|", -1);
        Matcher key = KEY.matcher(cells.length > 1 ? cells[1] : "");
        if (cells.length > 2 && key.find()) {
          tables.computeIfAbsent(heading, h -> new ArrayList<>())
              .add(new Row(key.group(1), cells[2].strip(), i + 1));
        }
      }
    }
    return new CompatibilityPage(tables);
  }

  /**
   * What differs between the table under {@code heading} and the names Tugboat knows there: a
   * known name the table lacks, a listed name Tugboat does not know (unless marked {@code unknown}),
   * a name marked {@code unknown} that Tugboat knows, a name listed twice, a status not in {@link
   * #STATUSES}. {@code what} says whose names they are, for the messages.
   */
  public List<String> differences(String heading, Set<String> known, String what) {
    List<String> problems = new ArrayList<>();
    List<Row> rows = rows(heading);
    if (rows.isEmpty()) {
      problems.add(FILE + " has no table under the heading \"" + heading + "\"");
      return problems;
    }
    Set<String> listed = new java.util.HashSet<>();
    for (Row row : rows) {
      String where = FILE + ":" + row.line() + " (" + heading + "): `" + row.key() + "`";
      if (!listed.add(row.key())) {
        problems.add(where + " is listed twice");
      }
      if (!STATUSES.contains(row.status())) {
        problems.add(where + " has the status \"" + row.status() + "\"; use one of " + STATUSES);
      }
      if (row.isUnknown() && known.contains(row.key())) {
        problems.add(where + " is marked unknown, but " + what + " knows it: say what Tugboat does");
      } else if (!row.isUnknown() && !known.contains(row.key())) {
        problems.add(where + " is not known to " + what + ": mark it unknown or remove it");
      }
    }
    for (String name : known) {
      if (!listed.contains(name)) {
        problems.add(what + " knows `" + name + "`, which " + FILE + " does not list under \""
            + heading + "\"");
      }
    }
    return problems;
  }

  /** The rows under {@code heading}; empty when the page has no such table. */
  public List<Row> rows(String heading) {
    return tables.getOrDefault(heading, List.of());
  }
}
