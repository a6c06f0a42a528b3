package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tugboat config list|get|set|unset} without a SPEC: the same commands, answered by the
 * running daemon ({@code GET/PUT /api/v1/config}, {@code DELETE /api/v1/config/ITEM}). The daemon checks values as the offline form does and
 * never shows secrets; {@code ITEM=@PATH} sends the contents of a file read here.
 */
final class ConfigDaemonForm {

  private ConfigDaemonForm() {}

  /** The daemon form is used when the first argument is not a spec file (.yml or .yaml). */
  static boolean applies(Path spec) {
    if (spec == null) {
      return true;
    }
    String name = spec.getFileName() == null ? "" : spec.getFileName().toString();
    return !(name.endsWith(".yml") || name.endsWith(".yaml"));
  }

  static int run(CommandSpec command, ConfigCommand.Target target, List<String> arguments) {
    List<String> args = new ArrayList<>();
    if (target.specFile != null) {
      args.add(target.specFile.toString());
    }
    args.addAll(arguments);
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    String name = command.name();
    try {
      if (target.settingsFile != null) {
        throw new DaemonClient.ClientException("--settings works with SPEC only; without SPEC"
            + " the daemon's own settings are used", 2);
      }
      DaemonClient client = DaemonClient.of(target.daemonConfig);
      switch (name) {
        case "list" -> out.print(table(client.get("/api/v1/config").path("items")));
        case "get" -> get(client, args, out);
        case "set" -> set(client, args, out);
        case "unset" -> unset(client, args, out);
        case "test" -> {
          return test(client, args, out);
        }
        default -> throw new DaemonClient.ClientException("config " + name + " works on a"
            + " settings file only: give SPEC and --settings FILE", 2);
      }
      out.flush();
      return 0;
    } catch (DaemonClient.ClientException e) {
      out.flush();
      err.println("tugboat config " + name + ": " + e.getMessage());
      err.flush();
      return e.exitCode;
    }
  }

  private static void get(DaemonClient client, List<String> items, PrintWriter out)
      throws DaemonClient.ClientException {
    requireSome(items, "ITEM");
    JsonNode all = client.get("/api/v1/config").path("items");
    for (String item : items) {
      JsonNode found = find(all, item);
      if (found == null) {
        throw new DaemonClient.ClientException("no config item '" + item + "' in the app", 1);
      }
      out.println(found.path("value").asText());
    }
  }

  private static void set(DaemonClient client, List<String> assignments, PrintWriter out)
      throws DaemonClient.ClientException {
    requireSome(assignments, "ITEM=VALUE");
    Map<String, String> values = assignments(assignments);
    JsonNode items = client.put("/api/v1/config", DaemonClient.json(Map.of("values", values)))
        .path("items");
    for (String item : values.keySet()) {
      JsonNode found = find(items, item);
      out.println("set " + item + " = " + (found == null ? "" : found.path("value").asText()));
    }
    out.println("restart the app to apply: tugboat restart");
  }

  /**
   * {@code ITEM [ITEM=VALUE]...}: prints {@code Check Password Strength: ok - Success!}; exit 1
   * when the test fails.
   */
  private static int test(DaemonClient client, List<String> args, PrintWriter out)
      throws DaemonClient.ClientException {
    requireSome(args, "ITEM");
    Map<String, String> values = assignments(args.subList(1, args.size()));
    String body = values.isEmpty() ? "" : DaemonClient.json(Map.of("values", values));
    JsonNode result = client.post("/api/v1/config/" + URLEncoder.encode(args.get(0),
        StandardCharsets.UTF_8).replace("+", "%20") + "/test", body);
    String verdict = result.path("verdict").asText();
    String message = result.path("message").asText();
    out.println(result.path("test").asText() + ": " + verdict
        + (message.isEmpty() ? "" : " - " + message));
    out.flush();
    return verdict.equals("error") ? 1 : 0;
  }

  /** Checks every name first, so a misspelled second item leaves the first one stored. */
  private static void unset(DaemonClient client, List<String> names, PrintWriter out)
      throws DaemonClient.ClientException {
    requireSome(names, "ITEM");
    JsonNode all = client.get("/api/v1/config").path("items");
    for (String name : names) {
      if (find(all, name) == null) {
        throw new DaemonClient.ClientException("no config item '" + name + "' in the app", 1);
      }
    }
    for (String name : names) {
      JsonNode found = find(client.delete("/api/v1/config/"
          + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")).path("items"), name);
      out.println("unset " + name + " = " + (found == null ? "" : found.path("value").asText())
          + (found == null ? "" : " (" + found.path("source").asText() + ")"));
    }
    out.println("restart the app to apply: tugboat restart");
  }

  /** {@code ITEM=VALUE}s; {@code ITEM=@PATH} takes the file's contents. */
  private static Map<String, String> assignments(List<String> assignments)
      throws DaemonClient.ClientException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw new DaemonClient.ClientException("'" + assignment + "' is not ITEM=VALUE", 2);
      }
      String value = assignment.substring(equals + 1);
      values.put(assignment.substring(0, equals), value.startsWith("@") ? read(value) : value);
    }
    return values;
  }

  private static String read(String at) throws DaemonClient.ClientException {
    Path file = Path.of(at.substring(1));
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new DaemonClient.ClientException("cannot read " + file + ": " + e, 1);
    }
  }

  private static void requireSome(List<String> args, String what)
      throws DaemonClient.ClientException {
    if (args.isEmpty()) {
      throw new DaemonClient.ClientException("give at least one " + what, 2);
    }
  }

  private static JsonNode find(JsonNode items, String name) {
    for (JsonNode item : items) {
      if (item.path("name").asText().equals(name)) {
        return item;
      }
    }
    return null;
  }

  private static String table(JsonNode items) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ITEM", "TYPE", "SOURCE", "VALUE", "NOTES"});
    for (JsonNode item : items) {
      List<String> notes = new ArrayList<>();
      for (String flag : List.of("required", "hidden", "readonly")) {
        if (item.path(flag).asBoolean()) {
          notes.add(flag);
        }
      }
      if (!item.path("shown").asBoolean(true)) {
        notes.add("not shown (when)");
      }
      String value = item.path("value").asText("");
      rows.add(new String[] {(item.path("parent").isTextual() ? "  " : "")
          + item.path("name").asText(), item.path("type").asText(), item.path("source").asText(),
          value.contains("\n") ? value.substring(0, value.indexOf('\n')) + " ..." : value,
          String.join(", ", notes)});
    }
    return StatusText.table(rows);
  }
}
