package dev.tugboat.app;

/** The version Maven wrote into the jar's manifest; {@code dev} when run from classes. */
public final class TugboatVersion {

  private TugboatVersion() {}

  public static String current() {
    String version = TugboatVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
