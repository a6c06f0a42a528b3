package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tugboat.app.AppPreparer;
import dev.tugboat.config.HostAddressDetector;
import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.requirements.RequirementsPreflight;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.docker.DockerRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tugboat preflight [SPEC]}: checks the spec's host and custom requirements against this
 * host and prints each check with its measured value and verdict; without SPEC, asks the daemon
 * to check the spec it runs. Exit 0 when every requirement is met (warnings allowed), 1 when one
 * is not or the engine does not answer, 2 for a spec or settings that cannot be read.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
    description = {"Checks the app's host_requirements and custom_requirements on this host.",
        "With SPEC: checks it here (needs the Docker Engine). Without: asks the daemon."})
public final class PreflightCommand implements Callable<Integer> {

  enum Format { TEXT, JSON }

  @Parameters(arity = "0..1", paramLabel = "SPEC", description = "The app spec file.")
  Path specFile;

  @Option(names = "--settings", paramLabel = "FILE", description = "Config values (settings.json).")
  Path settingsFile;

  @Option(names = "--set", paramLabel = "ITEM=VALUE", description = "A config value for this check.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--docker-host", paramLabel = "URI", description = "The Docker Engine to ask.")
  String dockerHost;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "text (default): one line per check; json: the report as the API gives it.")
  Format format;

  @Mixin DaemonOptions daemon;
  @Spec CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    try {
      JsonNode report = specFile == null ? daemon.client().get("/api/v1/preflight") : local(err);
      print(report, out);
      out.flush();
      return report.path("ok").asBoolean(false) ? 0 : 1;
    } catch (AppPreparer.PrepareException e) {
      err.println("tugboat preflight: " + e.getMessage());
      return e.exitCode();
    } catch (DaemonClient.ClientException e) {
      err.println("tugboat preflight: " + e.getMessage());
      return e.exitCode;
    } catch (RuntimeFailure e) {
      err.println("tugboat preflight: " + e.getMessage());
      return 1;
    } finally {
      err.flush();
    }
  }

  private JsonNode local(PrintWriter err) throws AppPreparer.PrepareException {
    var spec = AppPreparer.checkSpec(specFile, err::println);
    AppPreparer.Prepared prepared = AppPreparer.plan(spec, new AppPreparer.Options(specFile,
        settingsFile, sets, HostAddressDetector.detect(), ImageRegistries.none(),
        Clock.systemUTC()));
    try (DockerRuntime runtime = DockerRuntime.connect(Optional.ofNullable(dockerHost))) {
      runtime.ping();
      return new ObjectMapper().valueToTree(RequirementsPreflight
          .ofThisMachine(runtime, Clock.systemUTC()).check(prepared.inputs())
          .masked(prepared.masker()::mask).toMap());
    }
  }

  private void print(JsonNode report, PrintWriter out) {
    if (format == Format.JSON) {
      out.println(report.toPrettyString());
      return;
    }
    JsonNode checks = report.path("checks");
    if (checks.isEmpty()) {
      out.println("the spec has no host_requirements or custom_requirements: nothing to check");
      return;
    }
    int errors = 0;
    int warnings = 0;
    for (JsonNode check : checks) {
      String verdict = check.path("verdict").asText();
      errors += verdict.equals("error") ? 1 : 0;
      warnings += verdict.equals("warn") ? 1 : 0;
      out.println(line(check));
    }
    out.println(checks.size() + " checks: " + errors + " not met, " + warnings + " warnings");
  }

  /** {@code memory (app): need 8 GB, have 23.4 GB: ok}, as {@code CheckResult.toText} writes it. */
  static String line(JsonNode check) {
    StringBuilder b = new StringBuilder(check.path("name").asText()).append(" (")
        .append(check.path("scope").asText()).append("): ");
    String required = check.path("required").asText();
    String measured = check.path("measured").asText();
    if (!required.isEmpty()) {
      b.append("need ").append(required).append(", ");
    }
    b.append("have ").append(measured.isEmpty() ? "-" : measured).append(": ")
        .append(check.path("verdict").asText());
    String message = check.path("message").asText();
    return message.isEmpty() ? b.toString() : b.append(" - ").append(message).toString();
  }
}
