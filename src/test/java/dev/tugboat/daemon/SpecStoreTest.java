package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecStoreTest {

  @TempDir Path dir;
  private Path initial;
  private Path settings;
  private SpecStore store;
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    initial = Files.writeString(dir.resolve("app.yml"), "version: 1\n");
    Files.createDirectories(dir.resolve("state"));
    settings = Files.writeString(dir.resolve("state/settings.json"), "{\"v\": 1}\n");
    store = open(SpecStore.Steps.NONE);
  }

  @Test
  void theDaemonConfigsAppIsInUseUntilASpecIsApplied() {
    assertThat(store.current()).contains(initial);
    assertThat(store.previous()).isEmpty();
    assertThat(new SpecStore(dir.resolve("none/spec"), Optional.empty(), settings).current())
        .isEmpty();
  }

  @Test
  void installKeepsTheSpecAndSettingsBeforeIt() throws IOException {
    store.install("version: 2\n");

    Path inputs = dir.resolve("state/inputs");
    assertThat(store.current().orElseThrow()).startsWith(inputs);
    assertThat(Files.readString(store.current().orElseThrow())).isEqualTo("version: 2\n");
    assertThat(Files.readString(store.previous().orElseThrow())).isEqualTo("version: 1\n");
    assertThat(Files.readString(store.previousSettings().orElseThrow()))
        .isEqualTo("{\"v\": 1}\n");
    assertThat(Files.readString(settings)).isEqualTo("{\"v\": 1}\n");
    assertThat(Files.readString(initial)).isEqualTo("version: 1\n");
    for (Path directory : List.of(inputs, dir.resolve("state/spec"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
          .as(directory.toString()).isEqualTo("rwx------");
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.toList()) {
          assertThat(file.getFileName().toString()).as("no temporary file is left")
              .doesNotStartWith(".");
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
              .as(file.toString()).isEqualTo("rw-------");
        }
      }
    }
    try (Stream<Path> files = Files.list(dir.resolve("state/spec"))) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("state.json");
    }
  }

  @Test
  void keptFilesAreNamedByTheDigestOfTheirBytes() throws IOException {
    store.install("version: 2\n");
    Path current = store.current().orElseThrow();
    assertThat(current.getFileName().toString()).isEqualTo("sha256-"
        + InputFiles.digestOf(Files.readAllBytes(current)).substring("sha256:".length()) + ".yml");
    assertThat(store.digests()).hasSize(3);
  }

  @Test
  void aSecondInstallMakesTheFirstThePrevious() throws IOException {
    store.install("version: 2\n");
    Files.writeString(settings, "{\"v\": 2}\n");
    store.install("version: 3\n");
    assertThat(Files.readString(store.previous().orElseThrow())).isEqualTo("version: 2\n");
    assertThat(Files.readString(store.previousSettings().orElseThrow()))
        .isEqualTo("{\"v\": 2}\n");
  }

  @Test
  void rollbackSwapsSpecAndSettingsAndASecondRollbackUndoesIt() throws IOException {
    store.install("version: 2\n");
    Files.writeString(settings, "{\"v\": 2, \"new_item\": 1}\n");

    store.rollback();
    assertThat(Files.readString(store.current().orElseThrow())).isEqualTo("version: 1\n");
    assertThat(Files.readString(settings)).isEqualTo("{\"v\": 1}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(store.previous().orElseThrow())).isEqualTo("version: 2\n");

    store.rollback();
    assertThat(Files.readString(store.current().orElseThrow())).isEqualTo("version: 2\n");
    assertThat(Files.readString(settings)).isEqualTo("{\"v\": 2, \"new_item\": 1}\n");
  }

  @Test
  void settingsThatDidNotExistAreAbsentAgainAfterARollback() throws IOException {
    Files.delete(settings);
    store.install("version: 2\n");
    assertThat(store.previousSettings()).isEmpty();
    Files.writeString(settings, "{\"v\": 2}\n");
    store.rollback();
    assertThat(settings).doesNotExist();
  }

  @Test
  void rollbackWithoutAPreviousSpecIsRefused() {
    assertThatThrownBy(store::rollback).isInstanceOf(IllegalStateException.class)
        .hasMessage("no previous spec in " + dir.resolve("state/spec"));
  }

  @Test
  void anApplyIsWhollyDoneOrNotDoneWhereverTheDaemonDies() throws IOException {
    store.install("version: 2\n");
    Files.writeString(settings, "{\"v\": 2}\n");
    State before = State.of(store, settings);
    int steps = crashAtEveryStep(s -> s.install("version: 3\n"), before);
    assertThat(steps).as("writes in an apply").isGreaterThanOrEqualTo(3);
  }

  @Test
  void aFirstApplyIsWhollyDoneOrNotDoneWhereverTheDaemonDies() throws IOException {
    crashAtEveryStep(s -> s.install("version: 2\n"), State.of(store, settings));
  }

  @Test
  void aRollbackIsWhollyDoneOrNotDoneWhereverTheDaemonDies() throws IOException {
    store.install("version: 2\n");
    Files.writeString(settings, "{\"v\": 2}\n");
    int steps = crashAtEveryStep(SpecStore::rollback, State.of(store, settings));
    assertThat(steps).as("writes in a rollback").isGreaterThanOrEqualTo(4);
  }

  @Test
  void aSettingsFileChangedAfterAnInterruptedRollbackIsLeftAsItIs() throws IOException {
    store.install("version: 2\n");
    Files.writeString(settings, "{\"v\": 2}\n");
    SpecStore dying = open(step -> {
      if (step.equals("replaced the pointer")) {
        throw new Crash();
      }
    });
    assertThatThrownBy(dying::rollback).isInstanceOf(Crash.class);
    Files.writeString(settings, "{\"v\": 9}\n");

    SpecStore reopened = open(SpecStore.Steps.NONE);
    assertThat(Files.readString(reopened.current().orElseThrow())).isEqualTo("version: 1\n");
    assertThat(Files.readString(settings)).isEqualTo("{\"v\": 9}\n");
    assertThat(warnings).singleElement().asString()
        .startsWith("a rollback did not finish writing " + settings)
        .contains("the file was changed since: it is left as it is");
  }

  @Test
  void aStateDirectoryOfTheOldLayoutIsMovedOnFirstUse() throws IOException {
    Path spec = Files.createDirectories(dir.resolve("state/spec"));
    Files.writeString(spec.resolve("current.yml"), "version: 2\n");
    Files.writeString(spec.resolve("previous.yml"), "version: 1\n");
    Files.writeString(spec.resolve("previous-settings.json"), "{\"v\": 1}\n");
    State old = new State("version: 2\n", "version: 1\n", "{\"v\": 1}\n", "{\"v\": 1}\n");

    int steps = 0;
    for (int crashAt = 1; ; crashAt++) {
      int at = crashAt;
      int[] seen = {0};
      SpecStore dying = open(step -> {
        if (++seen[0] == at) {
          throw new Crash();
        }
      });
      try {
        assertThat(State.of(dying, settings)).isEqualTo(old);
        steps = seen[0];
        break;
      } catch (Crash e) {
        assertThat(State.of(open(SpecStore.Steps.NONE), settings)).as("crash at %d", at)
            .isEqualTo(old);
        restoreOldLayout(spec);
      }
    }
    assertThat(steps).as("writes in the move").isGreaterThanOrEqualTo(5);
    try (Stream<Path> files = Files.list(spec)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("state.json");
    }
    store = open(SpecStore.Steps.NONE);
    store.rollback();
    assertThat(State.of(store, settings))
        .isEqualTo(new State("version: 1\n", "version: 2\n", "{\"v\": 1}\n", "{\"v\": 1}\n"));
  }

  /** Puts the old files back as a crash before the move finished would have left some of them. */
  private void restoreOldLayout(Path spec) throws IOException {
    Files.deleteIfExists(spec.resolve("state.json"));
    Files.writeString(spec.resolve("current.yml"), "version: 2\n");
    Files.writeString(spec.resolve("previous.yml"), "version: 1\n");
    Files.writeString(spec.resolve("previous-settings.json"), "{\"v\": 1}\n");
  }

  interface Switch {
    void apply(SpecStore store) throws IOException;
  }

  /**
   * Runs {@code change} once for each of its writes, dying after that write (an exception, and
   * the store is left as a killed daemon leaves it), then opens the state directory again as the
   * restarted daemon does: it must show the state before the change or the one after it, whole.
   * Returns how many writes the change makes.
   */
  private int crashAtEveryStep(Switch change, State before) throws IOException {
    Path state = dir.resolve("state");
    Path saved = Files.createDirectories(dir.resolve("saved"));
    copyTree(state, saved);
    State after = runOnce(change, SpecStore.Steps.NONE);
    for (int crashAt = 1; ; crashAt++) {
      restore(saved, state);
      int at = crashAt;
      int[] count = {0};
      try {
        runOnce(change, step -> {
          if (++count[0] == at) {
            throw new Crash();
          }
        });
        return crashAt - 1;
      } catch (Crash e) {
        assertThat(State.of(open(SpecStore.Steps.NONE), settings)).as("after a crash at write %d", at).isIn(before, after);
      }
    }
  }

  private State runOnce(Switch change, SpecStore.Steps steps) throws IOException {
    SpecStore running = open(steps);
    change.apply(running);
    return State.of(running, settings);
  }

  private SpecStore open(SpecStore.Steps steps) {
    return new SpecStore(dir.resolve("state/spec"), Optional.of(initial), settings,
        warnings::add, steps);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void restore(Path saved, Path state) throws IOException {
    try (Stream<Path> files = Files.walk(state)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
    copyTree(saved, state);
  }

  /** What an operator sees of the store: the three kept texts and the settings file. */
  record State(String current, String previous, String previousSettings, String settings) {
    static State of(SpecStore store, Path settingsFile) throws IOException {
      return new State(read(store.current()), read(store.previous()),
          read(store.previousSettings()), read(Optional.of(settingsFile)));
    }

    private static String read(Optional<Path> file) throws IOException {
      return file.isPresent() && Files.exists(file.get()) ? Files.readString(file.get()) : null;
    }
  }

  static final class Crash extends RuntimeException {
    Crash() {
      super("the daemon died here");
    }
  }
}
