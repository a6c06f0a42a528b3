package dev.tugboat.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a run was started with, as its journal records it: the SHA-256 digests of the spec's bytes
 * and of the settings file's bytes ({@code sha256:<64 hex digits>}), and the version of Tugboat
 * that started it. The daemon keeps both files under these digests, so a run resumed after a
 * restart runs with exactly them. Field names are a saved format.
 */
public record RunInputDigests(String spec, String settings, String tugboat) {

  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  public RunInputDigests {
    requireDigest(spec, "spec");
    requireDigest(settings, "settings");
    Objects.requireNonNull(tugboat, "tugboat");
  }

  /** Whether {@code text} is a digest as this record holds them. */
  public static boolean isDigest(String text) {
    return text != null && DIGEST.matcher(text).matches();
  }

  private static void requireDigest(String digest, String what) {
    if (!isDigest(digest)) {
      throw new IllegalArgumentException(what + " must be a digest like sha256:<64 hex digits>,"
          + " got " + digest);
    }
  }
}
