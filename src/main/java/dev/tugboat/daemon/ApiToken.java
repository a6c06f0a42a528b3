package dev.tugboat.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The API token: 32 random bytes as hex in {@code <state_dir>/token} (mode 0600), made on the first
 * start; the state directory is made 0700. Clients running as the same user read it from there.
 */
public final class ApiToken {

  private ApiToken() {}

  /** The token, created with the state directory when missing. */
  public static String loadOrCreate(Path stateDir, SecureRandom random) throws IOException {
    if (!Files.isDirectory(stateDir)) {
      Files.createDirectories(stateDir,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Path file = stateDir.resolve("token");
    if (Files.exists(file)) {
      String token = Files.readString(file).strip();
      if (!token.isEmpty()) {
        return token;
      }
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Path temp = stateDir.resolve("token.new");
    Files.deleteIfExists(temp);
    Files.createFile(temp,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temp, token + "\n", StandardOpenOption.WRITE);
    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return token;
  }

  /** Reads the token a client needs; the message says what to do when it cannot. */
  public static String read(Path file) throws IOException {
    return Files.readString(file).strip();
  }
}
