package dev.tugboat.cli;

import dev.tugboat.app.CheckedSpec;
import dev.tugboat.app.SpecCheck;
import dev.tugboat.app.TugboatVersion;
import dev.tugboat.bundle.BundleException;
import dev.tugboat.bundle.BundleManifest;
import dev.tugboat.bundle.BundleWriter;
import dev.tugboat.bundle.SpecImages;
import dev.tugboat.files.ByteSizes;
import dev.tugboat.runtime.ImageArchive;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.docker.DockerRuntime;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SourcePosition;
import dev.tugboat.spec.SpecLoadException;
import dev.tugboat.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tugboat bundle create SPEC -o FILE}: checks SPEC as validate does, finds every image it
 * names (all {@code when} branches) on this host, and writes one bundle: manifest, spec, one
 * {@code docker save} part per image. Exit 0 written, 1 when an image is missing or the engine or
 * disk fails, 2 when SPEC has errors or cannot be read.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = {"Writes FILE: SPEC and every image it names (all `when` branches), each with"
        + " its size and SHA-256 in manifest.json. SPEC is checked as validate checks it; every"
        + " image must be on this host (pull or build it first).",
        "Images are named image_name:version, as a host with no registry configured runs them;"
            + " an image_name or version with a template is refused."})
public final class BundleCreateCommand implements Callable<Integer> {

  static final String MISSING_RULE = "bundle-image-missing";

  @Parameters(index = "0", paramLabel = "SPEC", description = "The app's spec file.")
  Path specFile;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "The bundle to write (replaced when it exists, only once complete).")
  Path output;

  @Option(names = "--docker-host", paramLabel = "URI", description = "The Docker Engine to ask.")
  String dockerHost;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    try {
      return create(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int create(PrintWriter out, PrintWriter err) {
    CheckedSpec checked;
    byte[] text;
    try {
      var loaded = new SpecLoader().load(specFile);
      checked = SpecCheck.check(loaded);
      text = Files.readAllBytes(specFile);
    } catch (SpecLoadException e) {
      err.println(Problem.error(ValidateCommand.UNREADABLE_RULE, "",
          e.position().orElse(SourcePosition.wholeFile(e.file())), e.reason()).toText());
      return 2;
    } catch (java.io.IOException e) {
      err.println("tugboat bundle create: cannot read " + specFile + ": " + e.getMessage());
      return 2;
    }
    checked.problems().forEach(p -> err.println(p.toText()));
    SpecImages.Found found = SpecImages.of(checked.spec());
    found.problems().forEach(p -> err.println(p.toText()));
    if (checked.problems().stream().anyMatch(Problem::isError) || !found.problems().isEmpty()) {
      err.println("tugboat bundle create: " + specFile + " has errors; no bundle was written");
      return 2;
    }
    long began = System.nanoTime();
    try (DockerRuntime docker = DockerRuntime.connect(Optional.ofNullable(dockerHost))) {
      ImageArchive archive = docker.imageArchive();
      Map<String, Long> sizes = new LinkedHashMap<>();
      List<Problem> missing = new ArrayList<>();
      for (SpecImages.SpecImage image : found.images()) {
        OptionalLong size = archive.size(image.image());
        if (size.isPresent()) {
          sizes.put(image.image(), size.getAsLong());
        } else {
          missing.add(Problem.error(MISSING_RULE, "", image.position(), "image " + image.image()
              + " (for " + String.join(", ", image.containers()) + ") is not on this host:"
              + " pull it (docker pull " + image.image() + ") or build it, then make the"
              + " bundle again"));
        }
      }
      if (!missing.isEmpty()) {
        missing.forEach(p -> err.println(p.toText()));
        err.println("tugboat bundle create: " + missing.size() + " of " + found.images().size()
            + " images are not on this host; no bundle was written");
        return 1;
      }
      BundleManifest manifest = new BundleWriter(archive, Clock.systemUTC(),
          TugboatVersion.current()).write(checked.spec().name(), checked.spec().version(), text,
          sizes, output, new ProgressLines(err));
      long bytes = Files.size(output);
      out.printf("wrote %s: %s %s, %d parts (manifest, spec and %s), %s in %.1f s%n", output,
          manifest.app(), manifest.version(), manifest.parts().size() + 1,
          ByteSizes.count(manifest.images().size(), "image"), ByteSizes.of(bytes),
          (System.nanoTime() - began) / 1e9);
      return 0;
    } catch (BundleException | RuntimeFailure e) {
      err.println("tugboat bundle create: " + e.getMessage() + "; no bundle was written");
      return 1;
    } catch (java.io.IOException e) {
      err.println("tugboat bundle create: cannot read " + output + ": " + e.getMessage());
      return 1;
    }
  }
}
