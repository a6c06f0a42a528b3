package dev.tugboat.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The daemon's run that makes the class data sharing archive at install
 * (config/deb/tugboat-cds-archive, with {@code -Dtugboat.archive.training=true}) starts no app:
 * there may be none yet, and an install must not start one. So it loads, by name and without
 * running them, the classes that starting an app loads ({@code META-INF/tugboat/app-start.classes},
 * made by scripts/archive-class-list.sh), and Java archives them with the rest: the service's
 * first create after a start then comes about 0.15 s sooner (docs/performance.md).
 */
final class ArchiveTraining {

  static final String PROPERTY = "tugboat.archive.training";
  static final String CLASS_LIST = "/META-INF/tugboat/app-start.classes";

  /** How many of the listed classes were loaded, of how many listed. */
  record Loaded(int loaded, int listed) {}

  private ArchiveTraining() {}

  static boolean asked() {
    return Boolean.getBoolean(PROPERTY);
  }

  /**
   * When asked for, loads the classes once {@code ready} ends (the Integration API bound or given
   * up, the last of the daemon's start) and says so in the log, which the archive's maker awaits.
   */
  static void ifAskedAfter(CompletionStage<?> ready, DaemonLog log) {
    if (!asked()) {
      return;
    }
    ready.whenComplete((done, failure) -> {
      try {
        Loaded loaded = loadAppStartClasses(ArchiveTraining.class.getClassLoader());
        log.info("archive training: loaded " + loaded.loaded() + " of the " + loaded.listed()
            + " classes an app's start loads");
      } catch (IOException e) {
        log.warn("archive training: cannot read " + CLASS_LIST + ": " + e);
      }
    });
  }

  /**
   * Loads the listed classes without initializing them, so none of their code runs. A class this
   * Java or this build lacks is passed over: the archive is only a head start.
   */
  static Loaded loadAppStartClasses(ClassLoader loader) throws IOException {
    List<String> listed = appStartClasses();
    int loaded = 0;
    for (String name : listed) {
      try {
        Class.forName(name, false, loader);
        loaded++;
      } catch (ClassNotFoundException | LinkageError notHere) {
        // renamed since the list was made, or needs what this host lacks: not archived
      }
    }
    return new Loaded(loaded, listed.size());
  }

  /** The names on the list, without its comments; none when the jar holds no list. */
  static List<String> appStartClasses() throws IOException {
    try (InputStream list = ArchiveTraining.class.getResourceAsStream(CLASS_LIST)) {
      if (list == null) {
        return List.of();
      }
      return new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(String::strip)
          .toList();
    }
  }
}
