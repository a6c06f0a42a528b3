package dev.tugboat.license;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The license a command line names with {@code --license FILE} ({@code tugboat run}, {@code render}). */
public final class LicenseFiles {

  /** How a command without a daemon is given a license. */
  public static final String ADVICE = "give the vendor's license with --license FILE";

  private LicenseFiles() {}

  /**
   * The license in {@code file} for a run; without one ({@code null}), the license's template
   * functions are errors that say to give it.
   */
  public static LicensedApp forRun(Path file) throws LicenseException {
    return file == null ? LicensedApp.none(ADVICE, Releases.none())
        : LicensedApp.installed(read(file), file.toString(), ADVICE, Releases.none());
  }

  /** As {@link #forRun}, but without a file the license's facts print as placeholders. */
  public static LicensedApp forPreview(Path file) throws LicenseException {
    return file == null ? LicensedApp.preview() : forRun(file);
  }

  private static License read(Path file) throws LicenseException {
    try {
      return LicenseReader.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      throw new LicenseException(file + ": no such file");
    } catch (IOException e) {
      throw new LicenseException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
