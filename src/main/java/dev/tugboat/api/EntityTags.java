package dev.tugboat.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Entity tags for bodies that pollers fetch again and again: a dashboard revalidating every two
 * seconds gets {@code 304 Not Modified} and no body while the run stands still.
 *
 * <p>The tag is weak ({@code W/"..."}) because the plain and the gzipped body carry the same
 * content: a client that saw one has seen the other. It is derived from the bytes, not from a
 * counter, so a daemon restart that serves the same status keeps the tag its pollers hold.
 */
final class EntityTags {

  private EntityTags() {}

  static String of(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * Whether an {@code If-None-Match} header names {@code etag}: {@code *}, or one of a
   * comma-separated list, compared weakly (RFC 9110 13.1.2) as a GET must.
   */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    String wanted = opaque(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || opaque(tag).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
