package dev.tugboat.cli;

import dev.tugboat.config.HostAddressDetector;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.orchestrator.ContainerKeys;
import dev.tugboat.orchestrator.Launcher;
import dev.tugboat.orchestrator.PlanException;
import dev.tugboat.orchestrator.Preflight;
import dev.tugboat.orchestrator.PreflightException;
import dev.tugboat.orchestrator.SpecInputs;
import dev.tugboat.orchestrator.SpecLauncher;
import dev.tugboat.orchestrator.SpecNeeds;
import dev.tugboat.orchestrator.SpecPlans;
import dev.tugboat.orchestrator.StartPlan;
import dev.tugboat.orchestrator.SystemHostPorts;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.docker.DockerRuntime;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.LoadedSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SpecLoadException;
import dev.tugboat.spec.SpecLoader;
import dev.tugboat.trigger.TcpConnector;
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
      description = "The registry of an image source (replicated, or a named source).")
  Map<String, String> registries = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    RunConsole console = new RunConsole(System.out);
    // Making a Docker client costs a second or more of class loading: do it while the spec and the
    // config load, which need no Docker.
    CompletableFuture<DockerRuntime> connecting =
        CompletableFuture.supplyAsync(() -> DockerRuntime.connect(Optional.ofNullable(dockerHost)));
    Optional<AppSpec> spec = loadSpec();
    if (spec.isEmpty()) {
      connecting.thenAccept(DockerRuntime::close);
      return 2;
    }
    try (DockerRuntime runtime = connecting.join()) {
      RunInputs.Prepared prepared;
      try {
        prepared = RunInputs.of(spec.get(), specFile, settingsFile, sets, hostAddresses(),
            registries, Clock.systemUTC());
      } catch (RunInputs.InputException e) {
        System.err.println("tugboat run: " + e.getMessage());
        return 2;
      }
      SpecInputs in = prepared.inputs();
      SecretMasker masker = prepared.values().masker();
      ContainerKeys keys = new ContainerKeys(spec.get());
      StartPlan plan;
      try {
        plan = SpecPlans.plan(in, keys);
      } catch (PlanException e) {
        System.err.println("tugboat run: " + specFile + ": " + masker.mask(e.getMessage()));
        return 2;
      }
      Launcher launcher = new SpecLauncher(in, keys, plan, TcpConnector.sockets());
      try {
        new Preflight(runtime, new SystemHostPorts(runtime))
            .check(SpecNeeds.of(in, keys, plan, launcher));
      } catch (PreflightException | RuntimeFailure e) {
        System.err.println("tugboat run: " + masker.mask(e.getMessage()));
        return 1;
      }
      console.print("plan of " + spec.get().name() + ":\n  "
          + plan.toText().strip().replace("\n", "\n  "));
      return new RunSession(console, stopAfterStart)
          .run(in.app(), RunIds.next(Clock.systemUTC()), plan, runtime, launcher);
    }
  }

  private Optional<AppSpec> loadSpec() {
    LoadedSpec loaded;
    try {
      loaded = new SpecLoader().load(specFile);
    } catch (SpecLoadException e) {
      System.err.println("tugboat run: " + e.getMessage());
      return Optional.empty();
    }
    loaded.problems().stream().map(Problem::toText).forEach(System.err::println);
    if (loaded.hasErrors()) {
      System.err.println("tugboat run: " + specFile + " has errors; nothing was started");
      return Optional.empty();
    }
    return Optional.of(loaded.spec());
  }

  private HostAddresses hostAddresses() {
    HostAddresses detected = HostAddressDetector.detect();
    if (privateAddress != null) {
      detected = detected.withPrivateAddress(privateAddress).withPublicAddress(privateAddress);
    }
    return publicAddress != null ? detected.withPublicAddress(publicAddress) : detected;
  }
}
