package dev.tugboat.license;

import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The installed license: {@code <state_dir>/license.yml}, the file as the operator gave it,
 * written atomically with mode 0600. A license is read and checked before it is written, so a
 * malformed one changes nothing. Not synchronized: the daemon installs on one thread.
 */
public final class LicenseStore {

  public static final String FILE_NAME = "license.yml";
  private final Path file;

  public LicenseStore(Path stateDir) {
    this.file = stateDir.resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  /** The installed license; empty when none was installed; an error when the file is damaged. */
  public Optional<License> read() throws LicenseException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new LicenseException("cannot read the installed license " + file + ": " + e
          + "; install it again with tugboat license install FILE");
    }
    try {
      return Optional.of(LicenseReader.read(text, file.toString()));
    } catch (LicenseException e) {
      throw new LicenseException(e.getMessage() + "; install a good one with tugboat license"
          + " install FILE");
    }
  }

  /**
   * Checks {@code text} ({@code source} names it in messages) and makes it the installed license,
   * replacing any other. Nothing is written when it is refused.
   */
  public License install(String text, String source) throws LicenseException, IOException {
    License license = LicenseReader.read(text, source);
    AtomicFiles.writePrivate(file, text.endsWith("\n") ? text : text + "\n");
    return license;
  }
}
