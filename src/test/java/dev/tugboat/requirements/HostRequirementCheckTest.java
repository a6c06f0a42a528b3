package dev.tugboat.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.spec.HostRequirementsSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HostRequirementCheckTest {

  private static final HostMeasurements HOST = new HostMeasurements(Optional.of("20.10.24+dfsg1"),
      OptionalInt.of(4), OptionalDouble.of(2400.5), OptionalLong.of((long) (23.4 * (1L << 30))),
      "/var/lib/docker", OptionalLong.of(50L << 30), Map.of());

  private static List<String> check(String component, String... keyValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(keyValues[i], keyValues[i + 1]);
    }
    String path = component.isEmpty() ? "host_requirements" : "components[0].host_requirements";
    return HostRequirementCheck.check(new HostRequirementsSpec(path, component, values), HOST)
        .stream().map(CheckResult::toText).toList();
  }

  @Test
  void memoryPassesAndFailsWithTheMeasuredValue() {
    assertThat(check("", "memory", "8GB"))
        .containsExactly("memory (app): need 8 GB, have 23.4 GB: ok");
    assertThat(check("", "memory", "100TB")).containsExactly("memory (app): need 100 TB, have"
        + " 23.4 GB: error - not enough memory (as the Docker Engine reports it): run the app on a"
        + " host with more memory");
  }

  @Test
  void cpuCoresAndSpeed() {
    assertThat(check("db", "cpu_cores", "2", "cpu_mhz", "2400")).containsExactly(
        "cpu_cores (component db): need 2, have 4: ok",
        "cpu_mhz (component db): need 2400 MHz, have 2401 MHz: ok");
    assertThat(check("", "cpu_cores", "8")).containsExactly("cpu_cores (app): need 8, have 4:"
        + " error - the host has fewer CPU cores than the app needs: run it on a larger host");
  }

  @Test
  void dockerVersionIsTheLowestAcceptable() {
    assertThat(check("", "docker_version", "1.10.3"))
        .containsExactly("docker_version (app): need 1.10.3 or newer, have 20.10.24+dfsg1: ok");
    assertThat(check("", "docker_version", "24.0.0")).containsExactly("docker_version (app): need"
        + " 24.0.0 or newer, have 20.10.24+dfsg1: error - the Docker Engine is older than the app"
        + " needs: upgrade it to 24.0.0 or newer");
    assertThat(check("db", "docker_version", "99.0.0")).isEmpty();
  }

  @Test
  void diskSpaceIsTheFreeSpaceOfTheEnginesDataDirectory() {
    assertThat(check("", "disk_space", "10GB", "docker_space", "80GB")).containsExactly(
        "disk_space (app): need 10 GB, have 50 GB: ok",
        "docker_space (app): need 80 GB, have 50 GB: error - not enough free space in"
            + " /var/lib/docker (the Docker Engine's data directory: images, containers, named"
            + " volumes): free space there, or give the disk more");
  }

  @Test
  void whatCannotBeMeasuredIsAWarningThatSaysWhy() {
    HostMeasurements remote = new HostMeasurements(Optional.of("24.0.7"), OptionalInt.of(2),
        OptionalDouble.empty(), OptionalLong.of(1L << 30), "/var/lib/docker", OptionalLong.empty(),
        Map.of("disk_space", "the data directory is not on this machine",
            "cpu_mhz", "/proc/cpuinfo tells no CPU speed"));
    assertThat(HostRequirementCheck.check(new HostRequirementsSpec("host_requirements", "",
        Map.of("disk_space", "1GB")), remote)).singleElement().satisfies(r -> {
          assertThat(r.verdict()).isEqualTo(Verdict.WARN);
          assertThat(r.toText()).isEqualTo("disk_space (app): need 1 GB, have -: warn - the data"
              + " directory is not on this machine");
        });
    assertThat(HostRequirementCheck.check(new HostRequirementsSpec("host_requirements", "",
        Map.of("cpu_mhz", "2400")), remote).get(0).verdict()).isEqualTo(Verdict.WARN);
  }

  @Test
  void replicatedVersionIsListedAsNotChecked() {
    assertThat(check("", "replicated_version", ">=2.3.0 <2.5.0")).containsExactly(
        "replicated_version (app): need >=2.3.0 <2.5.0, have -: not checked - it names versions of"
            + " Replicated, not of Tugboat; Replicated's own preflight ignored it too");
  }

  @Test
  void aReportWithAnErrorRefusesWithEachFailedCheck() {
    PreflightReport report = new PreflightReport(java.time.Instant.EPOCH, List.of(
        new CheckResult("memory", "app", "100 TB", "23.4 GB", Verdict.ERROR, "not enough memory"),
        new CheckResult("cpu_cores", "app", "2", "4", Verdict.OK, "")));
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.refusal()).isEqualTo("a host requirement is not met; nothing was started:\n"
        + "  memory (app): need 100 TB, have 23.4 GB: error - not enough memory");
  }
}
