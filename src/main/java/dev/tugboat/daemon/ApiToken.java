package dev.tugboat.daemon;

import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The API token: 32 random bytes as hex in {@code <state_dir>/token} (mode 0600, written
 * atomically), made on the first start; the state directory is made 0700. Clients running as the
 * same user read it from there. A token file that is empty or holds anything else (a crash, a bad
 * disk, a stray edit) is set aside as {@code token.corrupt-<time>} and a new token is made: the
 * daemon must start, and clients then need the new token.
 */
public final class ApiToken {

  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

  private ApiToken() {}

  /** The token, created with the state directory when missing; reports a set-aside file on stderr. */
  public static String loadOrCreate(Path stateDir, Supplier<SecureRandom> random)
      throws IOException {
    return loadOrCreate(stateDir, random, Clock.systemUTC(),
        warning -> System.err.println("WARN " + warning));
  }

  /**
   * The token; {@code warnings} hears of a damaged token file set aside. {@code random} is asked
   * only to make a token: a first {@link SecureRandom} loads Java's security providers, which every
   * later start of the daemon would otherwise wait for.
   */
  public static String loadOrCreate(Path stateDir, Supplier<SecureRandom> random, Clock clock,
      Consumer<String> warnings) throws IOException {
    if (!Files.isDirectory(stateDir)) {
      Files.createDirectories(stateDir,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Path file = stateDir.resolve("token");
    if (Files.exists(file)) {
      // Not Files.readString: bytes that are not UTF-8 (a disk's garbage) must read as no token.
      String token = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
      if (TOKEN.matcher(token).matches()) {
        return token;
      }
      Path aside = AtomicFiles.setAside(file, clock);
      warnings.accept("API token file " + file + (token.isEmpty() ? " is empty" : " does not hold"
          + " a token (64 hex digits)") + "; it is kept as " + aside.getFileName() + " and a new"
          + " token is made: clients and the dashboard need the new one");
    }
    byte[] bytes = new byte[32];
    random.get().nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    AtomicFiles.writePrivate(file, token + "\n");
    return token;
  }

  /** Reads the token a client needs; the message says what to do when it cannot. */
  public static String read(Path file) throws IOException {
    return Files.readString(file).strip();
  }
}
