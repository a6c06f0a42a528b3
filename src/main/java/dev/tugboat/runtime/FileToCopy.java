package dev.tugboat.runtime;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file written into a created container before it starts (config files, customer files).
 *
 * @param path absolute path inside the container; missing parent directories are created
 * @param content the bytes
 * @param mode permission bits, e.g. {@code 0644}
 * @param owner numeric {@code uid:gid} or {@code uid}; empty: root ({@code 0:0}). A tar archive
 *     carries numbers, so user names must be resolved by the caller.
 */
public record FileToCopy(String path, byte[] content, int mode, String owner) {
  private static final Pattern NUMERIC_OWNER = Pattern.compile("\\d+(:\\d+)?");

  public FileToCopy {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(owner, "owner");
    if (!path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException(
          "file path must be absolute and name a file, got \"" + path + "\"");
    }
    if (mode < 0 || mode > 07777) {
      throw new IllegalArgumentException("file mode " + Integer.toOctalString(mode) + " of " + path
          + " is not a permission mode (0000..7777)");
    }
    if (!owner.isEmpty() && !NUMERIC_OWNER.matcher(owner).matches()) {
      throw new IllegalArgumentException("owner \"" + owner + "\" of " + path
          + " must be numeric uid or uid:gid (a tar archive carries numbers)");
    }
    content = content.clone();
  }

  public static FileToCopy of(String path, byte[] content, int mode) {
    return new FileToCopy(path, content, mode, "");
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public int uid() {
    return owner.isEmpty() ? 0 : Integer.parseInt(owner.split(":", 2)[0]);
  }

  /** The group: after the colon, or the uid's number when only a uid is given. */
  public int gid() {
    if (owner.isEmpty()) {
      return 0;
    }
    String[] parts = owner.split(":", 2);
    return Integer.parseInt(parts.length == 2 ? parts[1] : parts[0]);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileToCopy f && path.equals(f.path)
        && java.util.Arrays.equals(content, f.content) && mode == f.mode && owner.equals(f.owner);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, java.util.Arrays.hashCode(content), mode, owner);
  }

  @Override
  public String toString() {
    return "FileToCopy[" + path + ", " + content.length + " bytes, mode "
        + Integer.toOctalString(mode) + ", owner " + (owner.isEmpty() ? "0:0" : owner) + "]";
  }
}
