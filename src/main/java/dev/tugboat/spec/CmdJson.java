package dev.tugboat.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a container's {@code cmd}: a JSON array of strings in a string. Replicated renders templates
 * before parsing the JSON, so specs write {@code '["app", "{{repl ConfigOption "x"}}"]'} with quotes
 * inside the action that JSON alone would reject. Actions are therefore set aside before parsing and
 * put back into the elements, which keep them raw.
 */
public final class CmdJson {
  /** Private-use characters: valid inside a JSON string, never in a spec's own text. */
  private static final char MARK_OPEN = '\uE000';
  private static final char MARK_CLOSE = '\uE001';

  // Configured once and only read afterwards, so one instance serves every thread. The streaming
  // parser alone reads a well-formed cmd: `validate` of a large spec then never loads Jackson's
  // object mapper, whose classes cost more start-up time than all the spec's cmds take to read.
  private static final JsonFactory STREAM = new JsonFactory();

  /** The tree reader, loaded only for a cmd that is not a plain array of strings. */
  private static final class Trees {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  /** What a {@code cmd} text holds. */
  public sealed interface Result {}

  /** The elements, templates inside them raw; empty for an empty {@code cmd}. */
  public record Parsed(List<String> elements) implements Result {}

  /** Actions outside the JSON strings: the array exists only once rendered. */
  public record NeedsRendering() implements Result {}

  /** Not a JSON array of strings, and why. */
  public record Invalid(String reason) implements Result {}

  /** Reads {@code text}, which may hold actions (as written) or none (as rendered). */
  public Result parse(String text) {
    if (text.isBlank()) {
      return new Parsed(List.of());
    }
    List<Templates.Action> actions = Templates.actions(text);
    if (actions.stream().anyMatch(a -> !a.closed())) {
      return new NeedsRendering();
    }
    StringBuilder masked = new StringBuilder();
    int from = 0;
    for (int i = 0; i < actions.size(); i++) {
      masked.append(text, from, actions.get(i).start()).append(MARK_OPEN).append(i).append(MARK_CLOSE);
      from = actions.get(i).end();
    }
    masked.append(text.substring(from));
    Result result = parseMasked(masked.toString(), text, actions);
    return result instanceof Invalid && !actions.isEmpty() ? new NeedsRendering() : result;
  }

  private Result parseMasked(String masked, String text, List<Templates.Action> actions) {
    List<String> strings = stringArray(masked);
    if (strings != null) {
      List<String> elements = new ArrayList<>(strings.size());
      for (String element : strings) {
        elements.add(unmask(element, text, actions));
      }
      return new Parsed(List.copyOf(elements));
    }
    return parseTree(masked, text, actions);
  }

  /**
   * The elements of a JSON array of strings, or null for anything else (which the tree reader
   * then reads again, to say what is wrong in the words it always said it).
   */
  private static List<String> stringArray(String masked) {
    try (JsonParser parser = STREAM.createParser(masked)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<String> elements = new ArrayList<>();
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        if (token != JsonToken.VALUE_STRING) {
          return null;
        }
        elements.add(parser.getText());
      }
      return elements;
    } catch (IOException e) {
      return null;
    }
  }

  private Result parseTree(String masked, String text, List<Templates.Action> actions) {
    JsonNode node;
    try {
      node = Trees.JSON.readTree(masked);
    } catch (JsonProcessingException e) {
      return new Invalid("is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isArray()) {
      return new Invalid("is not a JSON array");
    }
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        return new Invalid("has element " + i + " that is not a string (" + node.get(i) + ")");
      }
      elements.add(unmask(node.get(i).textValue(), text, actions));
    }
    return new Parsed(List.copyOf(elements));
  }

  private static String unmask(String element, String text, List<Templates.Action> actions) {
    StringBuilder result = new StringBuilder();
    int i = 0;
    while (i < element.length()) {
      char c = element.charAt(i);
      int close = c == MARK_OPEN ? element.indexOf(MARK_CLOSE, i) : -1;
      if (close > 0) {
        Templates.Action action = actions.get(Integer.parseInt(element.substring(i + 1, close)));
        result.append(text, action.start(), action.end());
        i = close + 1;
      } else {
        result.append(c);
        i++;
      }
    }
    return result.toString();
  }
}
