package dev.tugboat.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * One {@link JournalEntry} as one line of JSON, without the newline. Instants are ISO-8601 text
 * ({@code 2026-11-22T02:30:00.123Z}); durations are ISO-8601 durations ({@code PT0.05S}), which
 * keep nanoseconds exactly and read plainly in a file an operator opens.
 *
 * <p>A line this codec cannot map is one of two things. Text that is not one JSON object, or lacks
 * what an entry needs, is damage (a torn write, a bad disk). A well-formed object with a property,
 * a {@code type} or an enum value this version does not know was written by a newer Tugboat: it is
 * never ignored, because reading past it would replay a run from a partial picture, so the reader
 * refuses that journal and names the line.
 */
public final class JournalCodec {

  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The entry as one line of JSON; Jackson escapes newlines inside strings, so it has none. */
  public String encode(JournalEntry entry) {
    try {
      return json.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write journal entry " + entry.sequence(), e);
    }
  }

  /** Reads one line (without its newline). */
  public JournalEntry decode(String line) throws UnreadableLine {
    try {
      return json.readValue(line, JournalEntry.class);
    } catch (JsonProcessingException e) {
      throw new UnreadableLine(describe(e), isNewerFormat(e));
    } catch (RuntimeException e) {
      // A record's constructor rejected a missing field (requireNonNull): damage, not a format.
      throw new UnreadableLine(String.valueOf(e.getMessage()), false);
    }
  }

  private static boolean isNewerFormat(JsonProcessingException e) {
    return e instanceof UnrecognizedPropertyException
        || (e instanceof InvalidTypeIdException typeId && typeId.getTypeId() != null)
        || (e instanceof InvalidFormatException format && format.getTargetType() != null
            && format.getTargetType().isEnum());
  }

  private static String describe(JsonProcessingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root instanceof JsonProcessingException processing
        ? processing.getOriginalMessage() : root.getMessage();
    int firstLine = message == null ? -1 : message.indexOf('\n');
    String text = firstLine < 0 ? String.valueOf(message) : message.substring(0, firstLine);
    return e.getLocation() == null || e.getLocation().getColumnNr() < 1
        ? text : text + " (column " + e.getLocation().getColumnNr() + ")";
  }

  /**
   * A line that is not an entry this version can read. {@link #newerFormat()}: well-formed JSON
   * naming something unknown here, as a newer Tugboat writes.
   */
  public static final class UnreadableLine extends Exception {
    private final boolean newerFormat;

    UnreadableLine(String reason, boolean newerFormat) {
      super(reason);
      this.newerFormat = newerFormat;
    }

    public boolean newerFormat() {
      return newerFormat;
    }
  }
}
