package dev.tugboat.daemon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tugboat.files.AtomicFiles;
import dev.tugboat.events.RunInputDigests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one file that says which kept spec is in use, which one rollback returns to, and the
 * settings kept for it: {@code <state_dir>/spec/state.json}. Each field is a digest of a file in
 * {@link InputFiles}; replacing this file is the one step that switches the spec, so a crash leaves
 * the switch wholly done or not done. Field names are a saved format.
 *
 * @param current the spec in use; absent: the daemon config's {@code app}
 * @param previous the spec rollback returns to; absent: there is none
 * @param previousSettings the settings file as it was when {@code previous} was left; absent: there
 *     was no settings file then
 * @param pending what a rollback still has to write into the settings file (see {@link Pending})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SpecPointer(int format, String current, String previous, String previousSettings,
    Pending pending) {

  SpecPointer {
    for (String digest : new String[] {current, previous, previousSettings,
        pending == null ? null : pending.settings()}) {
      if (digest != null && !RunInputDigests.isDigest(digest)) {
        throw new IllegalArgumentException("not a digest: \"" + digest + "\"");
      }
    }
  }

  static final int FORMAT = 1;
  static final SpecPointer NONE = new SpecPointer(FORMAT, null, null, null, null);

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * The settings a rollback returns to ({@code settings}, absent: no settings file), still to be
   * written into the settings file: the switch is committed, this finishes it on the next open.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Pending(String settings) {}

  SpecPointer withoutPending() {
    return new SpecPointer(format, current, previous, previousSettings, null);
  }

  /** Every digest the pointer names: what the kept inputs may not lose. */
  Set<String> digests() {
    Set<String> digests = new LinkedHashSet<>();
    Optional.ofNullable(current).ifPresent(digests::add);
    Optional.ofNullable(previous).ifPresent(digests::add);
    Optional.ofNullable(previousSettings).ifPresent(digests::add);
    Optional.ofNullable(pending).map(Pending::settings).ifPresent(digests::add);
    return digests;
  }

  /** The pointer in {@code file}; empty when there is none yet. */
  static Optional<SpecPointer> read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    SpecPointer pointer;
    try {
      pointer = JSON.readValue(bytes, SpecPointer.class);
    } catch (JsonProcessingException e) {
      throw new IOException(file + " cannot be read: " + e.getOriginalMessage() + "; it says which"
          + " spec is in use: restore it from a backup, or remove it to run the daemon config's"
          + " app (rollback is then lost)", e);
    }
    if (pointer.format() != FORMAT) {
      throw new IOException(file + " has format " + pointer.format() + ", this Tugboat reads"
          + " format " + FORMAT + "; use the Tugboat version that wrote it");
    }
    return Optional.of(pointer);
  }

  /** Replaces {@code file} with this pointer, atomically. */
  void write(Path file) throws IOException {
    AtomicFiles.writePrivate(file, JSON.writeValueAsString(this) + "\n");
  }
}
