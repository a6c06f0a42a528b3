package dev.tugboat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveTrainingTest {

  private static final List<String> JAVA_OWN = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

  @Test
  void everyClassOfTugboatAndItsLibrariesOnTheListExists() throws IOException {
    List<String> missing = listed().stream()
        .filter(name -> JAVA_OWN.stream().noneMatch(name::startsWith))
        .filter(name -> !loadable(name))
        .toList();
    assertTrue(missing.isEmpty(), "classes on " + ArchiveTraining.CLASS_LIST + " that this build"
        + " lacks (run scripts/archive-class-list.sh after mvn package to make the list anew): "
        + missing);
  }

  @Test
  void theListHoldsTheRunsAndTheEngineClientsClasses() throws IOException {
    List<String> names = listed();
    assertTrue(names.contains("dev.tugboat.orchestrator.RunLoop"), "the run's loop");
    assertTrue(names.contains("dev.tugboat.spec.SpecLoader"), "the spec's reader");
    assertTrue(names.stream().anyMatch(name -> name.startsWith("com.github.dockerjava.core.command.Create")),
        "the engine client's create");
  }

  @Test
  void trainingLoadsEveryListedClassThisJavaHasWithoutRunningIt() throws IOException {
    ArchiveTraining.Loaded loaded =
        ArchiveTraining.loadAppStartClasses(getClass().getClassLoader());

    assertEquals(listed().size(), loaded.listed());
    long ours = listed().stream().filter(name -> JAVA_OWN.stream().noneMatch(name::startsWith))
        .count();
    assertTrue(loaded.loaded() >= ours, loaded + " against " + ours + " of Tugboat and its libraries");
  }

  private static boolean loadable(String name) {
    try {
      Class.forName(name, false, ArchiveTrainingTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static List<String> listed() throws IOException {
    List<String> names = ArchiveTraining.appStartClasses();
    assertTrue(!names.isEmpty(), ArchiveTraining.CLASS_LIST + " is in the jar");
    return names;
  }
}
