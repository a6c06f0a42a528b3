package dev.tugboat.runtime;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The mode and owner a host path is given before a container that mounts it is created: a
 * {@code volumes} entry's {@code permission} and {@code owner}. The directory is made when missing.
 * A database image that runs as uid 999 needs its data directory owned by 999 before it starts.
 *
 * @param mode permission bits such as {@code 0750} (special bits allowed), or empty to keep them
 * @param owner the owner to set, or empty to keep it
 */
public record HostPathAccess(OptionalInt mode, Optional<FileOwner> owner) {

  public static final HostPathAccess NONE = new HostPathAccess(OptionalInt.empty(),
      Optional.empty());

  private static final Pattern OCTAL_MODE = Pattern.compile("0?[0-7]{3,4}");

  public HostPathAccess {
    if (mode.isPresent() && (mode.getAsInt() < 0 || mode.getAsInt() > 07777)) {
      throw new IllegalArgumentException("mode " + Integer.toOctalString(mode.getAsInt())
          + " is not a permission mode (0000..7777)");
    }
  }

  /**
   * From a spec's {@code permission} and {@code owner} texts; empty texts keep what the path has.
   *
   * @throws IllegalArgumentException naming what is wrong with either
   */
  public static HostPathAccess parse(String permission, String owner) {
    OptionalInt mode = OptionalInt.empty();
    String text = permission.strip();
    if (!text.isEmpty()) {
      if (!OCTAL_MODE.matcher(text).matches()) {
        throw new IllegalArgumentException("permission \"" + permission + "\" is not an octal"
            + " mode; write it like 0755 or 0700");
      }
      mode = OptionalInt.of(Integer.parseInt(text, 8));
    }
    Optional<FileOwner> fileOwner = owner.isBlank() ? Optional.empty()
        : Optional.of(FileOwner.parse(owner));
    return new HostPathAccess(mode, fileOwner);
  }

  public boolean isNone() {
    return mode.isEmpty() && owner.isEmpty();
  }

  @Override
  public String toString() {
    return (mode.isPresent() ? "mode 0" + Integer.toOctalString(mode.getAsInt()) : "")
        + (mode.isPresent() && owner.isPresent() ? ", " : "")
        + owner.map(o -> "owner " + o).orElse("");
  }
}
