package dev.tugboat.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.orchestrator.ConfigMapEnvironment;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecLoader;
import dev.tugboat.template.TemplateEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** min_disk_space of a host volume: the free space where its directory is, or will be. */
class HostVolumeSpaceCheckTest {

  private static final TemplateEnvironment NO_VALUES = new ConfigMapEnvironment(
      Map.of("data_dir", "/srv/data"), new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1",
          Map.of()));

  private final List<Path> asked = new ArrayList<>();

  private static AppSpec spec(String hostVolumes) throws Exception {
    return new SpecLoader().load("""
        replicated_api_version: 2.8.0
        name: Shop
        components:
        - name: db
          host_volumes:
        %s
          containers:
          - {source: public, image_name: postgres, version: "15"}
        """.formatted(hostVolumes.indent(2).stripTrailing()), "app.yml").spec();
  }

  private List<CheckResult> check(String hostVolumes, long free) throws Exception {
    return HostVolumeSpaceCheck.check(spec(hostVolumes), NO_VALUES, path -> {
      asked.add(path);
      return OptionalLong.of(free);
    });
  }

  @Test
  void enoughFreeSpacePassesAndTooLittleStopsTheStartSayingWhatToDo() throws Exception {
    List<CheckResult> results = check("""
        - {host_path: /srv/db, min_disk_space: 10GB}
        - {host_path: /srv/big, min_disk_space: 2TB}
        - {host_path: /srv/free}
        - {host_path: '{{repl ConfigOption "data_dir"}}/pg', min_disk_space: 1GB}
        """, 50L << 30);

    assertThat(results).extracting(CheckResult::toText).containsExactly(
        "min_disk_space /srv/db (component db): need 10 GB, have 50 GB: ok",
        "min_disk_space /srv/big (component db): need 2 TB, have 50 GB: error - not enough"
            + " free space for host volume /srv/big: free space on its file system, give the disk"
            + " more, or set host_path to a larger one",
        "min_disk_space /srv/data/pg (component db): need 1 GB, have 50 GB: ok");
    assertThat(asked).containsExactly(Path.of("/srv/db"), Path.of("/srv/big"),
        Path.of("/srv/data/pg"));
  }

  @Test
  void aPathNoFileSystemHoldsIsAWarningNotARefusal() throws Exception {
    List<CheckResult> results = HostVolumeSpaceCheck.check(
        spec("- {host_path: /srv/db, min_disk_space: 1GB}"), NO_VALUES,
        path -> OptionalLong.empty());

    assertThat(results).singleElement().extracting(CheckResult::verdict).isEqualTo(Verdict.WARN);
  }

  @Test
  void aDirectoryNotYetMadeIsMeasuredWhereItWouldBeMade(@TempDir Path dir) throws Exception {
    assertThat(HostVolumeSpaceCheck.nearestExisting(dir.resolve("no/such/dir/yet")))
        .contains(dir);
    assertThat(HostVolumeSpaceCheck.nearestExisting(dir)).contains(dir);
    assertThat(HostVolumeSpaceCheck.ofThisMachine(dir.resolve("no/such"))).isPresent();
  }
}
