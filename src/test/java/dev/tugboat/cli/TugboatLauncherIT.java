package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.testing.BuiltJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tugboat} command as operators type it ({@code scripts/tugboat}, installed as
 * /usr/bin/tugboat): which Java it runs, and the archive of each command's classes that makes
 * later runs start sooner. An archive is never to change what a command prints or fail it.
 */
class TugboatLauncherIT {

  private static final String CHECKED = "1 file checked: 0 errors, 0 warnings";

  @TempDir Path cache;
  @TempDir Path work;
  private Path spec;

  @BeforeEach
  void writeSpec() throws IOException {
    spec = work.resolve("app.yml");
    Files.writeString(spec, String.join("\n",
        "replicated_api_version: 2.8.0",
        "name: launcher",
        "version: \"1\"",
        "components:",
        "- name: web",
        "  containers:",
        "  - source: public",
        "    image_name: tugboat-test/busybox",
        "    version: 1",
        "    cmd: '[\"sleep\", \"3600\"]'",
        ""));
  }

  @Test
  void firstRunMakesAnArchiveThatLaterRunsUseWithTheSameOutput() throws Exception {
    archiveKeepsTheOutput(Map.of());
  }

  /** Java 17 makes its archive otherwise (and crashes on a damaged one if handed it). */
  @Test
  void theSameWithTheJavaTheTestsRunOn() throws Exception {
    archiveKeepsTheOutput(Map.of("TUGBOAT_JAVA",
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
  }

  private void archiveKeepsTheOutput(Map<String, String> env) throws Exception {
    Result first = tugboat(env, "validate", spec.toString());
    assertThat(first.exit()).isZero();
    assertThat(first.out()).containsExactly(CHECKED);
    assertThat(first.err()).isEmpty();

    Path archive = awaitArchive();
    Result second = tugboat(env, "validate", spec.toString());
    assertThat(second).isEqualTo(first);
    assertThat(leftovers()).isEmpty();

    // A damaged archive (a full disk, a crash while it was written) only means Java starts
    // without it.
    Files.write(archive, "not an archive".getBytes(StandardCharsets.UTF_8));
    Result damaged = tugboat(env, "validate", spec.toString());
    assertThat(damaged).isEqualTo(first);
  }

  /**
   * Each build of the jar makes archives of its own, tens of megabytes each: a command making a
   * new one keeps the two it made last besides and removes older ones, of whatever Java.
   */
  @Test
  void aNewArchiveLeavesOnlyTheTwoNewestOfTheCommandBesideIt() throws Exception {
    Path dir = Files.createDirectories(cache.resolve("tugboat"));
    long now = System.currentTimeMillis();
    List<String> olderFirst = List.of("validate-101.jsa", "validate-102.aot", "validate-103.jsa",
        "validate-104.aot");
    for (int i = 0; i < olderFirst.size(); i++) {
      Path old = Files.writeString(dir.resolve(olderFirst.get(i)), "an older build's archive");
      Files.setLastModifiedTime(old,
          FileTime.fromMillis(now - (olderFirst.size() - i) * 3_600_000L));
    }
    Files.writeString(dir.resolve("validate-101.jsa.ok"), "24 1");
    Files.writeString(dir.resolve("status-100.aot"), "another command's");

    assertThat(tugboat(Map.of(), "validate", spec.toString()).out()).containsExactly(CHECKED);
    awaitArchive();

    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(f -> f.getFileName().toString()).toList();
      assertThat(names).contains("validate-103.jsa", "validate-104.aot", "status-100.aot")
          .doesNotContain("validate-101.jsa", "validate-101.jsa.ok", "validate-102.aot");
      assertThat(names.stream().filter(n -> n.startsWith("validate-")
          && (n.endsWith(".aot") || n.endsWith(".jsa")))).hasSize(3);
    }
  }

  @Test
  void laterRunsLoadTheCommandsClassesFromTheArchive() throws Exception {
    Path classes = work.resolve("classes.log");
    Map<String, String> env = Map.of("TUGBOAT_JAVA_OPTS",
        "-Xlog:class+load=info:file=" + classes);
    assertThat(tugboat(env, "validate", spec.toString()).out()).containsExactly(CHECKED);
    assertThat(Files.readString(classes)).doesNotContain("dev.tugboat.cli.Main source: shared");
    awaitArchive();

    assertThat(tugboat(env, "validate", spec.toString()).out()).containsExactly(CHECKED);
    assertThat(Files.readString(classes))
        .contains("dev.tugboat.cli.Main source: shared objects file")
        .contains("dev.tugboat.spec.AppSpec source: shared objects file");
  }

  /** Picocli's model costs a start tens of milliseconds: the common command lines do without. */
  @Test
  void aCommandReadWithoutPicocliNeverLoadsIt() throws Exception {
    Path classes = work.resolve("classes.log");
    Result validated = tugboat(Map.of("TUGBOAT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
        "validate", spec.toString());
    assertThat(validated.out()).containsExactly(CHECKED);
    assertThat(Files.readString(classes)).contains("dev.tugboat.cli.ValidateCommand ")
        .doesNotContain("picocli.");
  }

  @Test
  void runsTheNewestJavaOnThisHost() throws Exception {
    Result shown = tugboat(Map.of("TUGBOAT_JAVA_OPTS", "-XshowSettings:properties"),
        "validate", spec.toString());
    assertThat(shown.exit()).isZero();
    assertThat(shown.out()).containsExactly(CHECKED);
    assertThat(shown.err()).contains("    java.specification.version = " + newestJava());
  }

  @Test
  void runsTheJavaThatTugboatJavaNames() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Result shown = tugboat(Map.of("TUGBOAT_JAVA", java.toString(),
        "TUGBOAT_JAVA_OPTS", "-XshowSettings:properties"), "validate", spec.toString());
    assertThat(shown.exit()).isZero();
    assertThat(shown.err()).contains("    java.home = " + System.getProperty("java.home"));
  }

  @Test
  void aTugboatJavaThatIsNoJavaIsRefusedWithTheFix() throws Exception {
    Result refused = tugboat(Map.of("TUGBOAT_JAVA", work.resolve("no-java").toString()),
        "validate", spec.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.out()).isEmpty();
    assertThat(String.join("\n", refused.err()))
        .contains("TUGBOAT_JAVA is " + work.resolve("no-java"))
        .contains("unset it");
  }

  @Test
  void aJavaOlderThan17IsRefusedWithTheFix() throws Exception {
    Path home = Files.createDirectories(work.resolve("jdk-11/bin"));
    Path java = home.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'this Java cannot run Tugboat' >&2\nexit 1\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Files.writeString(work.resolve("jdk-11/release"), "JAVA_VERSION=\"11.0.2\"\n");

    Result refused = tugboat(Map.of("TUGBOAT_JAVA", java.toString()), "validate", spec.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).containsExactly("tugboat: Tugboat needs Java 17 or later, and "
        + java + " is Java 11; install a Java 17 runtime (apt-get install"
        + " openjdk-17-jre-headless) or set TUGBOAT_JAVA");
  }

  /** What the command said and how it ended. */
  private record Result(int exit, List<String> out, List<String> err) {}

  private Result tugboat(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "scripts/tugboat"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TUGBOAT_JAR", BuiltJar.path());
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    builder.environment().remove("TUGBOAT_JAVA");
    builder.environment().remove("TUGBOAT_JAVA_OPTS");
    builder.environment().remove("TUGBOAT_CDS");
    builder.environment().putAll(env);
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ended").isTrue();
    return new Result(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
  }

  /** The validate command's archive, once whole: made as the first run ends, or just after. */
  private Path awaitArchive() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(cache.resolve("tugboat"))) {
        List<Path> archives = files.filter(f -> f.getFileName().toString().startsWith("validate-"))
            .filter(f -> f.toString().endsWith(".aot") || f.toString().endsWith(".jsa"))
            .toList();
        if (!archives.isEmpty() && leftovers().isEmpty()) {
          return archives.get(0);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no archive of validate in " + cache.resolve("tugboat")
        + " within 60 s: " + listing());
  }

  /** Files of an archive in the making: none once it is in place. */
  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("tugboat"))) {
      return files.filter(f -> f.toString().endsWith(".tmp") || f.toString().endsWith(".aotconf"))
          .toList();
    }
  }

  private String listing() throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("tugboat"))) {
      return files.map(f -> f.getFileName().toString()).toList().toString();
    }
  }

  /**
   * The feature release the command is to pick: the newest of the java on PATH and the runtimes
   * under /usr/lib/jvm, from their release files.
   */
  private static int newestJava() throws Exception {
    int newest = 0;
    Process which = new ProcessBuilder("sh", "-c", "readlink -f \"$(command -v java)\"").start();
    String onPath = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    which.waitFor();
    List<Path> homes = new ArrayList<>();
    if (!onPath.isEmpty()) {
      homes.add(Path.of(onPath).getParent().getParent());
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> dirs = Files.list(jvms)) {
        dirs.filter(home -> Files.isExecutable(home.resolve("bin/java"))).forEach(homes::add);
      }
    }
    for (Path home : homes) {
      Path release = home.resolve("release");
      if (!Files.isReadable(release)) {
        continue;
      }
      for (String line : Files.readAllLines(release)) {
        if (line.startsWith("JAVA_VERSION=\"")) {
          String version = line.substring("JAVA_VERSION=\"".length());
          newest = Math.max(newest, Integer.parseInt(version.split("[.\"]")[0]));
        }
      }
    }
    return newest;
  }
}
