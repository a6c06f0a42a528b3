package dev.tugboat.api;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/** Query parameters, checked: a wrong value is a 400 that names the parameter and its range. */
final class Query {

  private Query() {}

  static int intParam(QueryStringDecoder uri, String name, int fallback, int min, int max) {
    long value = longParam(uri, name, fallback, min, max);
    return (int) value;
  }

  static long longParam(QueryStringDecoder uri, String name, long fallback, long min, long max) {
    List<String> values = uri.parameters().get(name);
    if (values == null || values.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(values.get(0));
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, with the expected range
    }
    throw new ApiException(400, "query parameter '" + name + "' must be a whole number from "
        + min + " to " + max + ", got '" + values.get(0) + "'");
  }

  /** {@code true}/{@code false} (or 1/0); absent is {@code fallback}. */
  static boolean booleanParam(QueryStringDecoder uri, String name, boolean fallback) {
    List<String> values = uri.parameters().get(name);
    if (values == null || values.isEmpty()) {
      return fallback;
    }
    return switch (values.get(0)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new ApiException(400, "query parameter '" + name
          + "' must be true or false, got '" + values.get(0) + "'");
    };
  }

  /** Text of at most {@code maxLength} printable characters; absent is {@code fallback}. */
  static String textParam(QueryStringDecoder uri, String name, String fallback, int maxLength) {
    List<String> values = uri.parameters().get(name);
    if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
      return fallback;
    }
    String value = values.get(0);
    if (value.length() > maxLength || value.chars().anyMatch(Character::isISOControl)) {
      throw new ApiException(400, "query parameter '" + name + "' must be at most " + maxLength
          + " characters without control characters");
    }
    return value;
  }
}
