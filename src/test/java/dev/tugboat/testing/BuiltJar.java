package dev.tugboat.testing;

import java.nio.file.Path;

/** The jar {@code mvn package} built, which the end-to-end tests run as a user does. */
public final class BuiltJar {

  private BuiltJar() {}

  /** Its path, from failsafe's system property {@code tugboat.jar}. */
  public static String path() {
    String jar = System.getProperty("tugboat.jar");
    if (jar == null || !Path.of(jar).toFile().isFile()) {
      throw new IllegalStateException("system property tugboat.jar must name the built jar "
          + "(mvn verify sets it), got " + jar);
    }
    return jar;
  }
}
