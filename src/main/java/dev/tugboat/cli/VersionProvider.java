package dev.tugboat.cli;

import picocli.CommandLine;

/** Reports the version Maven wrote into the jar's manifest ("dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"tugboat " + (version == null ? "dev" : version)};
  }
}
