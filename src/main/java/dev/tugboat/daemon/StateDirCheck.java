package dev.tugboat.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a state directory that someone besides the daemon's user could write or read: another
 * user who can write there could plant a token of their own (and drive the API) or settings (and
 * choose what the containers run with); one who can read there has the token and the secrets. A
 * missing directory is fine: the daemon makes it, mode 0700.
 */
final class StateDirCheck {

  private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private StateDirCheck() {}

  /** Why {@code dir} must not be used, or empty when it may; {@code uid} is the daemon's user. */
  static Optional<String> refusal(Path dir, int uid) {
    try {
      if (Files.isSymbolicLink(dir)) {
        return Optional.of("state_dir " + dir + " is a symbolic link: whoever can change the link"
            + " chooses where the token and settings go; give the real path in the daemon config");
      }
      int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      if (owner != uid) {
        return Optional.of("state_dir " + dir + " is owned by uid " + owner + ", not by the"
            + " daemon's user (uid " + uid + "): that user could plant a token or settings there;"
            + " run: chown " + uid + " " + dir);
      }
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
      if (mode.stream().anyMatch(GROUP_OR_OTHER::contains)) {
        return Optional.of("state_dir " + dir + " has mode " + PosixFilePermissions.toString(mode)
            + ": other users could read the token and secrets or plant their own;"
            + " run: chmod 700 " + dir);
      }
      return Optional.empty();
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.of("cannot check who owns state_dir " + dir + ": " + e);
    }
  }

  /** The uid this process runs as: the owner of its own /proc entry. */
  static int processUid() throws IOException {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
  }
}
