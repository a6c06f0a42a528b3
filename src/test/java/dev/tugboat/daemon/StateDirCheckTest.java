package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirCheckTest {

  @TempDir
  Path dir;

  private int uid() throws Exception {
    return StateDirCheck.processUid();
  }

  @Test
  void aMissingDirectoryOrOneOnlyTheDaemonsUserReachesIsUsed() throws Exception {
    assertThat(StateDirCheck.refusal(dir.resolve("state"), uid())).isEmpty();
    Path state = Files.createDirectory(dir.resolve("state"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    assertThat(StateDirCheck.refusal(state, uid())).isEmpty();
  }

  @Test
  void oneThatOthersCanReadOrWriteIsRefusedWithTheFix() throws Exception {
    Path state = Files.createDirectory(dir.resolve("state"));
    for (String mode : new String[] {"rwxr-xr-x", "rwxrwx---", "rwx-----x"}) {
      Files.setPosixFilePermissions(state, PosixFilePermissions.fromString(mode));
      assertThat(StateDirCheck.refusal(state, uid())).as(mode)
          .hasValue("state_dir " + state + " has mode " + mode + ": other users could read the"
              + " token and secrets or plant their own; run: chmod 700 " + state);
    }
  }

  @Test
  void oneOwnedByAnotherUserIsRefused() throws Exception {
    Path state = Files.createDirectory(dir.resolve("state"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    int owner = uid();
    int daemonUser = owner + 1;
    assertThat(StateDirCheck.refusal(state, daemonUser)).hasValueSatisfying(why -> assertThat(why)
        .contains("is owned by uid " + owner + ", not by the daemon's user (uid " + daemonUser
            + ")").contains("chown " + daemonUser));
  }

  @Test
  void aSymbolicLinkIsRefused() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path link = Files.createSymbolicLink(dir.resolve("state"), real);
    assertThat(StateDirCheck.refusal(link, uid())).hasValueSatisfying(why ->
        assertThat(why).contains("is a symbolic link"));
  }

  @Test
  void theProcessUidIsTheUsersId() throws Exception {
    assumeTrue(System.getProperty("user.name").equals("root"));
    assertThat(uid()).isZero();
  }
}
