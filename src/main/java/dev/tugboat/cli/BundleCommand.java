package dev.tugboat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tugboat bundle create|load}: a spec and its images in one file, for offline hosts. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
    subcommands = {BundleCreateCommand.class, BundleLoadCommand.class},
    description = {"Air-gapped installs: one file with a spec and every image it names.",
        "create makes it where the images are; load (or apply --bundle) checks it and loads"
            + " the images on a host that reaches no registry."})
public final class BundleCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing command: bundle create SPEC -o FILE, or bundle load FILE");
  }
}
