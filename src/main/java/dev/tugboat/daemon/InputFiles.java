package dev.tugboat.daemon;

import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Specs and settings kept by content in {@code <state_dir>/inputs}: {@code sha256-<hex>.yml} for a
 * spec, {@code sha256-<hex>.json} for a settings file, named by the SHA-256 of their bytes. A file
 * is written once, atomically (mode 0600: settings hold passwords), and never changed, so a name
 * read anywhere (a run's journal, the spec store's pointer) always means the same bytes.
 */
final class InputFiles {

  /** What a file holds; its extension. */
  enum Kind {
    SPEC("yml"), SETTINGS("json");

    private final String extension;

    Kind(String extension) {
      this.extension = extension;
    }
  }

  /** A kept file that is missing or no longer holds the bytes its name says. */
  static final class Unusable extends IOException {
    Unusable(String message) {
      super(message);
    }
  }

  private static final String PREFIX = "sha256-";

  private final Path directory;

  InputFiles(Path directory) {
    this.directory = directory;
  }

  /** {@code <stateDir>/inputs}. */
  static InputFiles in(Path stateDir) {
    return new InputFiles(stateDir.resolve("inputs"));
  }

  Path directory() {
    return directory;
  }

  /** Keeps {@code text} (as UTF-8) and returns its digest, {@code sha256:<hex>}. */
  String put(Kind kind, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String digest = digestOf(bytes);
    Path file = path(kind, digest);
    if (!holds(file, digest)) {
      AtomicFiles.writePrivate(file, text);
    }
    return digest;
  }

  /** Where the file of {@code digest} is, whether it exists or not. */
  Path path(Kind kind, String digest) {
    if (!digest.startsWith("sha256:")) {
      throw new IllegalArgumentException("not a sha256 digest: " + digest);
    }
    return directory.resolve(PREFIX + digest.substring("sha256:".length()) + "." + kind.extension);
  }

  /**
   * The file of {@code digest}, checked to hold the bytes it is named by.
   *
   * @throws Unusable when it is missing or its bytes are not those any more (a damaged disk, an
   *     edit by hand); the message names the file and what is wrong
   */
  Path require(Kind kind, String digest) throws IOException {
    Path file = path(kind, digest);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new Unusable(file + " is missing");
    }
    String found = digestOf(bytes);
    if (!found.equals(digest)) {
      throw new Unusable(file + " is damaged: its bytes have digest " + found);
    }
    return file;
  }

  /**
   * Deletes every kept file whose digest is not in {@code keep}, and temporary files a crash left.
   * Returns the deleted files.
   */
  List<Path> removeAllBut(Set<String> keep) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> deleted = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        boolean leftover = name.startsWith("." + PREFIX) && name.endsWith(".tmp");
        boolean kept = name.startsWith(PREFIX) && name.indexOf('.') > 0
            && keep.contains("sha256:" + name.substring(PREFIX.length(), name.indexOf('.')));
        if (leftover || (name.startsWith(PREFIX) && !kept)) {
          Files.deleteIfExists(file);
          deleted.add(file);
        }
      }
    }
    return List.copyOf(deleted);
  }

  static String digestOf(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static boolean holds(Path file, String digest) throws IOException {
    try {
      return digestOf(Files.readAllBytes(file)).equals(digest);
    } catch (NoSuchFileException e) {
      return false;
    }
  }
}
