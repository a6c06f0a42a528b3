package dev.tugboat.cli;

import dev.tugboat.app.TugboatVersion;
import picocli.CommandLine;

/** Reports the version Maven wrote into the jar's manifest ("dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"tugboat " + TugboatVersion.current()};
  }
}
