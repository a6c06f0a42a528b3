package dev.tugboat.cli;

import dev.tugboat.app.AppPreparer;
import dev.tugboat.app.CheckedSpec;
import dev.tugboat.app.RunIds;
import dev.tugboat.config.HostAddressDetector;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.daemon.DaemonConfig;
import dev.tugboat.daemon.DaemonConfigException;
import dev.tugboat.daemon.DaemonConfigReader;
import dev.tugboat.license.LicenseException;
import dev.tugboat.license.LicenseFiles;
import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.orchestrator.ImageRegistry;
import dev.tugboat.requirements.Verdict;
import dev.tugboat.runtime.docker.DockerRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tugboat run}: runs the app in the foreground until Ctrl-C, printing the run as it happens. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Runs the app in the foreground, one line per fact, until Ctrl-C.",
    description = {
      "Runs the app in the foreground: starts its containers as their events fire and prints one",
      "line per fact. Ctrl-C (or SIGTERM) stops it in reverse order. Exit code 0 when the app",
      "started and was stopped on request, 1 when it failed, 2 when the spec or options are wrong."
    })
public final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SPEC", description = "The app spec (YAML).")
  Path specFile;

  @Option(names = "--settings", paramLabel = "FILE", description = "Stored config values (settings.json).")
  Path settingsFile;

  @Option(names = "--set", paramLabel = "ITEM=VALUE", description = "A config value for this run.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--license", paramLabel = "FILE",
      description = "The vendor's license (docs/license.md), for LicenseFieldValue, LicenseProperty"
          + " and AppID; an expired one refuses the run.")
  Path licenseFile;

  @Option(names = "--stop-after-start",
      description = "Stop the app as soon as it has started (for checks and benchmarks).")
  boolean stopAfterStart;

  @Option(names = "--docker-host", paramLabel = "URI",
      description = "The Docker Engine (default: DOCKER_HOST, else unix:///var/run/docker.sock).")
  String dockerHost;

  @Option(names = "--private-address", paramLabel = "ADDRESS",
      description = "The host's private address (default: the address of the default route's interface).")
  String privateAddress;

  @Option(names = "--public-address", paramLabel = "ADDRESS",
      description = "The host's public address (default: the private address).")
  String publicAddress;

  @Option(names = "--registry", paramLabel = "SOURCE=ADDRESS",
      description = {"The registry of an image source (replicated, or a named source), pulled",
          "from without a login; it replaces that source's registry of --config."})
  Map<String, String> registries = new LinkedHashMap<>();

  @Option(names = "--config", paramLabel = "FILE", description = {
      "A daemon config (as `tugboat serve --config`) whose registries (with their logins),",
      "docker_host, private_address and public_address this run uses; options given win."})
  Path configFile;

  @Override
  public Integer call() throws Exception {
    Optional<DaemonConfig> daemonConfig;
    try {
      daemonConfig = daemonConfig();
    } catch (DaemonConfigException e) {
      System.err.println("tugboat run: " + e.getMessage());
      return 2;
    }
    daemonConfig.flatMap(DaemonConfig::dockerHost).filter(host -> dockerHost == null)
        .ifPresent(host -> dockerHost = host);
    daemonConfig.flatMap(DaemonConfig::privateAddress).filter(a -> privateAddress == null)
        .ifPresent(a -> privateAddress = a);
    daemonConfig.flatMap(DaemonConfig::publicAddress).filter(a -> publicAddress == null)
        .ifPresent(a -> publicAddress = a);
    ImageRegistries imageRegistries = imageRegistries(daemonConfig);
    // Making a Docker client costs a second or more of class loading: do it while the spec and the
    // config load, which need no Docker.
    CompletableFuture<DockerRuntime> connecting =
        CompletableFuture.supplyAsync(() -> DockerRuntime.connect(Optional.ofNullable(dockerHost)));
    CheckedSpec checked;
    try {
      checked = AppPreparer.checkSpec(specFile, System.err::println);
    } catch (AppPreparer.PrepareException e) {
      connecting.thenAccept(DockerRuntime::close);
      System.err.println("tugboat run: " + e.getMessage());
      return e.exitCode();
    }
    try (DockerRuntime runtime = connecting.join()) {
      AppPreparer.Prepared prepared;
      try {
        prepared = AppPreparer.prepare(checked, new AppPreparer.Options(specFile, settingsFile,
            sets, hostAddresses(), imageRegistries, Clock.systemUTC(),
            LicenseFiles.forRun(licenseFile)).withSwarm(
                dev.tugboat.app.SwarmSource.of(runtime::clusterNodes)), runtime,
            report -> report.checks().stream().filter(c -> c.verdict() != Verdict.ERROR)
                .forEach(c -> System.out.println("preflight: " + c.toText())));
      } catch (AppPreparer.PrepareException e) {
        System.err.println("tugboat run: " + e.getMessage());
        return e.exitCode();
      } catch (LicenseException e) {
        System.err.println("tugboat run: " + e.getMessage() + "; nothing was started");
        return 2;
      }
      RunConsole console = new RunConsole(System.out, prepared.masker());
      console.print("plan of " + checked.spec().name() + ":\n  "
          + prepared.plan().toText().strip().replace("\n", "\n  "));
      return new RunSession(console, stopAfterStart).run(prepared.inputs().app(),
          RunIds.next(Clock.systemUTC()), prepared.plan(), runtime,
          prepared.reportingSecrets(console::addSecrets).launcher());
    }
  }

  private Optional<DaemonConfig> daemonConfig() throws DaemonConfigException {
    if (configFile == null) {
      return Optional.empty();
    }
    return Optional.of(DaemonConfigReader.read(configFile, true,
        warning -> System.err.println("WARN " + warning)));
  }

  private ImageRegistries imageRegistries(Optional<DaemonConfig> daemonConfig) {
    ImageRegistries all = daemonConfig.map(DaemonConfig::registries)
        .orElse(ImageRegistries.none());
    for (Map.Entry<String, String> option : registries.entrySet()) {
      all = all.with(ImageRegistry.fromOption(option.getKey(), option.getValue()));
    }
    return all;
  }

  private HostAddresses hostAddresses() {
    return HostAddressDetector.detect()
        .overriddenBy(Optional.ofNullable(privateAddress), Optional.ofNullable(publicAddress));
  }
}
