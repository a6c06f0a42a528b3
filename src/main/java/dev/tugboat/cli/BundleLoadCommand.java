package dev.tugboat.cli;

import dev.tugboat.app.TugboatVersion;
import dev.tugboat.bundle.BundleException;
import dev.tugboat.bundle.BundleLoader;
import dev.tugboat.bundle.BundleVerifier;
import dev.tugboat.bundle.VerifiedBundle;
import dev.tugboat.files.ByteSizes;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.docker.DockerRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tugboat bundle load FILE}: verifies every part of the bundle against its manifest, then
 * loads its images into this host's engine (as {@code docker load} would); the spec is only
 * written out when asked. For a first install: load, then point the daemon's {@code app} at the
 * spec. Exit 0 loaded, 1 refused or failed (nothing loaded when refused), 2 unreadable.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Verifies FILE (every part's size and SHA-256 against manifest.json, its"
        + " format, no missing or extra part) and loads its images into this host's Docker"
        + " Engine. A refused bundle loads nothing.",
        "For an upgrade of a running app use `tugboat apply --bundle FILE` instead."})
public final class BundleLoadCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The bundle.")
  Path file;

  @Option(names = "--spec-out", paramLabel = "SPEC",
      description = "Also write the bundle's spec here (for the daemon config's `app`).")
  Path specOut;

  @Option(names = "--app", paramLabel = "NAME",
      description = "Refuse the bundle unless it carries this app.")
  String app;

  @Option(names = "--docker-host", paramLabel = "URI", description = "The Docker Engine to use.")
  String dockerHost;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    long began = System.nanoTime();
    ProgressLines progress = new ProgressLines(err);
    try {
      if (!Files.isRegularFile(file)) {
        err.println("tugboat bundle load: " + file + ": no such file");
        return 2;
      }
      VerifiedBundle bundle = new BundleVerifier(TugboatVersion.current())
          .verify(file, Optional.ofNullable(app), progress);
      out.println("verified " + file + ": " + bundle.label() + " (made by Tugboat "
          + bundle.manifest().tugboatVersion() + " at " + bundle.manifest().created() + "), "
          + bundle.manifest().parts().size() + " parts match manifest.json");
      out.flush();
      List<String> loaded;
      try (DockerRuntime docker = DockerRuntime.connect(Optional.ofNullable(dockerHost))) {
        loaded = new BundleLoader(docker.imageArchive()).load(bundle, progress);
      }
      if (specOut != null) {
        writeSpec(bundle.spec());
      }
      out.printf("loaded %s (%s) in %.1f s%n", ByteSizes.count(loaded.size(), "image"),
          String.join(", ", loaded),
          (System.nanoTime() - began) / 1e9);
      out.println(specOut != null ? "spec written to " + specOut + ": set `app: " + specOut
          + "` in the daemon config, or upgrade a running app with tugboat apply --bundle "
          + file : "next: tugboat apply --bundle " + file + " upgrades the running app"
          + " (--spec-out SPEC writes the spec for a first install)");
      return 0;
    } catch (BundleException e) {
      err.println("tugboat bundle load: " + file + ": " + e.getMessage()
          + (e.getMessage().contains("may be loaded") ? "" : "; nothing was loaded"));
      return 1;
    } catch (RuntimeFailure e) {
      err.println("tugboat bundle load: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("tugboat bundle load: cannot write " + specOut + ": " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private void writeSpec(byte[] spec) throws IOException {
    Path target = specOut.toAbsolutePath();
    Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
    Files.write(partial, spec);
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
