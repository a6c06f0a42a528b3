package dev.tugboat.daemon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tugboat.files.AtomicFiles;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ImageRemoval;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The images the app's runs used on this host ({@code <state_dir>/images.json}), and the removal
 * of those the app no longer needs. Each upgrade brings a version's images; an appliance upgraded
 * for years would fill its disk with the old ones. So once a run has started, every image an
 * earlier run used that neither the spec in use nor the one before it (one {@code tugboat
 * rollback} away) names is removed. Only images one of the app's runs used are ever removed, the
 * host's others never, and never by force: the engine keeps an image a container (running or
 * stopped) uses, and it is tried again after the next start. Synchronized: called from worker
 * threads, one start after another.
 */
final class AppImages {

  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** The file's document: the images, sorted. */
  private record Document(int format, List<String> images) {}

  private final Path file;
  private final ContainerRuntime runtime;
  private final DaemonLog log;
  private final Clock clock;

  AppImages(Path file, ContainerRuntime runtime, DaemonLog log, Clock clock) {
    this.file = file;
    this.runtime = runtime;
    this.log = log;
    this.clock = clock;
  }

  /**
   * A run that uses {@code used} has started; {@code kept} are the images of the spec in use and
   * of the one before it. Answers the images removed.
   */
  synchronized List<String> started(Set<String> used, Set<String> kept) {
    Set<String> known = new TreeSet<>(read());
    known.addAll(used);
    List<String> removed = new ArrayList<>();
    for (String image : new ArrayList<>(known)) {
      if (used.contains(image) || kept.contains(image)) {
        continue;
      }
      try {
        ImageRemoval outcome = runtime.removeUnusedImage(image);
        if (outcome != ImageRemoval.IN_USE) {
          known.remove(image);
        }
        if (outcome == ImageRemoval.REMOVED) {
          removed.add(image);
        }
      } catch (RuntimeFailure e) {
        log.warn("cannot remove image " + image + ", which the app no longer uses: "
            + e.getMessage() + "; it is tried again after the next start");
      }
    }
    if (!removed.isEmpty()) {
      log.info("removed " + removed.size() + " image" + (removed.size() == 1 ? "" : "s")
          + " the app no longer uses (neither the spec in use nor the one before it names"
          + " them): " + String.join(", ", removed));
    }
    write(known);
    return removed;
  }

  private Set<String> read() {
    try {
      Document document = JSON.readValue(Files.readString(file), Document.class);
      if (document.format() != FORMAT || document.images() == null) {
        throw new IOException("format " + document.format() + ", expected " + FORMAT);
      }
      return new LinkedHashSet<>(document.images());
    } catch (NoSuchFileException none) {
      return Set.of();
    } catch (IOException | RuntimeException e) {
      String why = "the record of the app's images " + file + " cannot be read ("
          + e.getMessage() + ")";
      try {
        log.warn(why + "; it was moved to " + AtomicFiles.setAside(file, clock) + ", and"
            + " images earlier runs used are no longer removed by Tugboat");
      } catch (IOException moveFailed) {
        log.warn(why + "; it cannot be moved aside (" + moveFailed.getMessage() + ")");
      }
      return Set.of();
    }
  }

  private void write(Set<String> images) {
    try {
      AtomicFiles.writePrivate(file, JSON.writeValueAsString(
          new Document(FORMAT, List.copyOf(new TreeSet<>(images)))) + "\n");
    } catch (IOException e) {
      log.warn("cannot write the record of the app's images " + file + ": " + e.getMessage()
          + "; the images of this run are not removed when the app no longer uses them");
    }
  }
}
