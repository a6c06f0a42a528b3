package dev.tugboat.requirements;

import dev.tugboat.spec.HostRequirementsSpec;
import dev.tugboat.spec.RequirementValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Judges one {@code host_requirements} mapping against what was measured: a pure function. One
 * host runs every component, so a component's requirements are judged against the same host;
 * as Replicated did, they are not added up. A value that could not be measured is a warning,
 * never a pass; a value the validator refuses is not judged here (validate stops it first).
 */
public final class HostRequirementCheck {
  private HostRequirementCheck() {}

  public static List<CheckResult> check(HostRequirementsSpec req, HostMeasurements host) {
    List<CheckResult> results = new ArrayList<>();
    for (String key : HostRequirementsSpec.KEYS) {
      String value = req.value(key).trim();
      if (value.isEmpty()) {
        continue;
      }
      one(req, key, value, host).ifPresent(results::add);
    }
    return results;
  }

  private static Optional<CheckResult> one(HostRequirementsSpec req, String key, String value,
      HostMeasurements host) {
    String scope = req.scope();
    return switch (key) {
      case "docker_version" -> req.component().isEmpty()
          ? Optional.of(dockerVersion(scope, value, host)) : Optional.empty();
      case "cpu_cores" -> Optional.of(host.cpuCores().isPresent()
          ? atLeast(key, scope, value, Double.parseDouble(value), host.cpuCores().getAsInt(),
              String.valueOf(host.cpuCores().getAsInt()), "CPU cores")
          : unmeasured(key, scope, value, host));
      case "cpu_mhz" -> Optional.of(host.cpuMhz().isPresent()
          ? atLeast(key, scope, value + " MHz", Double.parseDouble(value), host.cpuMhz().getAsDouble(),
              String.format(Locale.ROOT, "%.0f MHz", host.cpuMhz().getAsDouble()), "CPU speed")
          : unmeasured(key, scope, value + " MHz", host));
      case "memory" -> Optional.of(size(key, scope, value, host.memoryBytes(), host,
          "memory (as the Docker Engine reports it)"));
      case "disk_space", "docker_space" -> Optional.of(size(key, scope, value,
          host.dataDirFreeBytes(), host, "free space in " + host.dataDir()
              + " (the Docker Engine's data directory: images, containers, named volumes)"));
      default -> Optional.of(new CheckResult(key, scope, value, "", Verdict.SKIPPED,
          "it names versions of Replicated, not of Tugboat; Replicated's own preflight ignored it too"));
    };
  }

  private static CheckResult dockerVersion(String scope, String value, HostMeasurements host) {
    if (host.dockerVersion().isEmpty()) {
      return unmeasured("docker_version", scope, value + " or newer", host);
    }
    String have = host.dockerVersion().get();
    Optional<int[]> need = RequirementValues.parseVersion(value);
    Optional<int[]> got = RequirementValues.parseVersion(have);
    if (need.isEmpty() || got.isEmpty()) {
      return new CheckResult("docker_version", scope, value + " or newer", have, Verdict.WARN,
          "cannot compare \"" + have + "\" with \"" + value + "\"");
    }
    boolean ok = RequirementValues.compare(got.get(), need.get()) >= 0;
    return new CheckResult("docker_version", scope, value + " or newer", have,
        ok ? Verdict.OK : Verdict.ERROR,
        ok ? "" : "the Docker Engine is older than the app needs: upgrade it to " + value + " or newer");
  }

  private static CheckResult atLeast(String key, String scope, String required, double need,
      double have, String measured, String what) {
    boolean ok = have >= need;
    return new CheckResult(key, scope, required, measured, ok ? Verdict.OK : Verdict.ERROR,
        ok ? "" : "the host has fewer " + what + " than the app needs: run it on a larger host");
  }

  private static CheckResult size(String key, String scope, String value, OptionalLong have,
      HostMeasurements host, String what) {
    OptionalLong need = RequirementValues.parseSize(value);
    String required = need.isPresent() ? RequirementValues.humanSize(need.getAsLong()) : value;
    if (have.isEmpty()) {
      return unmeasured(key, scope, required, host);
    }
    String measured = RequirementValues.humanSize(have.getAsLong());
    if (need.isEmpty()) {
      return new CheckResult(key, scope, value, measured, Verdict.WARN, "\"" + value + "\" is not a size");
    }
    boolean ok = have.getAsLong() >= need.getAsLong();
    return new CheckResult(key, scope, required, measured, ok ? Verdict.OK : Verdict.ERROR,
        ok ? "" : "not enough " + what + ": " + (key.equals("memory")
            ? "run the app on a host with more memory" : "free space there, or give the disk more"));
  }

  private static CheckResult unmeasured(String key, String scope, String required,
      HostMeasurements host) {
    return new CheckResult(key, scope, required, "", Verdict.WARN, host.whyUnmeasured(key));
  }
}
