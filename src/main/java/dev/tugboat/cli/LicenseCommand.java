package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tugboat license install FILE | show}: the vendor's license, kept by the daemon. */
@Command(name = "license", mixinStandardHelpOptions = true,
    description = {"Installs or shows the vendor's license (docs/license.md): the template"
        + " functions LicenseFieldValue, LicenseProperty and AppID and the Integration API read"
        + " it. A restart applies a new license to the app's containers."},
    subcommands = {LicenseCommand.Install.class, LicenseCommand.Show.class})
public final class LicenseCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand: install FILE or show");
  }

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Checks FILE as a license and makes it the installed one; a refused file"
          + " changes nothing.")
  static final class Install extends ClientCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The license file (YAML or JSON).")
    Path file;

    @Override
    int run(DaemonClient client) throws DaemonClient.ClientException {
      byte[] text;
      try {
        text = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        throw new DaemonClient.ClientException(file + ": no such file", 2);
      } catch (IOException e) {
        throw new DaemonClient.ClientException("cannot read " + file + ": " + e.getMessage(), 2);
      }
      JsonNode installed = client.put("/api/v1/license?name="
          + URLEncoder.encode(file.toString(), StandardCharsets.UTF_8), text, "application/yaml");
      out().print("installed " + LicenseText.details(installed));
      out().println("a restart applies it to the app's containers: tugboat restart");
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Shows the installed license: licensee, app, expiry and fields.")
  static final class Show extends ClientCommand {

    @Option(names = "--json", description = "Print the daemon's JSON (GET /api/v1/license).")
    boolean json;

    @Override
    int run(DaemonClient client) throws DaemonClient.ClientException {
      JsonNode license = client.get("/api/v1/license");
      out().print(json ? license.toPrettyString() + "\n" : LicenseText.details(license));
      return 0;
    }
  }
}
