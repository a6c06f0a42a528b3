package dev.tugboat.bundle;

import java.util.regex.Pattern;

/**
 * The names a part may have in a bundle: relative, forward slashes, no {@code ..}, no empty or
 * dot segment, plain characters. A name outside that is refused wherever it is read (the
 * manifest, the archive), so no part can point outside the bundle, whoever extracts it.
 */
final class PartPaths {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  private PartPaths() {}

  static boolean safe(String path) {
    if (!SAFE.matcher(path).matches()) {
      return false;
    }
    for (String segment : path.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** The part name of the {@code index}th image: {@code images/01-tugboat-test_busybox_1.tar}. */
  static String image(int index, String image) {
    String plain = image.replaceAll("[^A-Za-z0-9._-]", "_");
    if (plain.length() > 80) {
      plain = plain.substring(0, 80);
    }
    return String.format("images/%02d-%s.tar", index, plain);
  }
}
