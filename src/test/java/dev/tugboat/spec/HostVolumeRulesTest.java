package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A component's host_volumes: an absolute directory, with a mode, owner and size that parse. */
class HostVolumeRulesTest {

  private static String withHostVolume(String entry) {
    return """
        replicated_api_version: 2.8.0
        name: Shop
        components:
        - name: db
          host_volumes:
          - %s
          containers:
          - source: public
            image_name: postgres
            version: "15"
        """.formatted(entry);
  }

  @Test
  void everyKeyIsReadAsReplicatedWroteIt() throws Exception {
    AppSpec spec = new SpecLoader().load(withHostVolume("""
        {host_path: /srv/db, owner: "999", permission: "0700", is_ephemeral: "true",\
         is_excluded_from_backup: "false", min_disk_space: 10GB}"""), "app.yml").spec();

    assertThat(spec.components().get(0).hostVolumes()).containsExactly(
        new HostVolumeSpec("/srv/db", "999", "0700", true, false, "10GB"));
    assertThat(RuleCheck.problems("no-effect", withHostVolume("{host_path: /srv/db}"))).isEmpty();
  }

  @Test
  void aValidEntryAndTemplatesPass() {
    assertThat(problems("host-volume", withHostVolume("{host_path: /srv/db, owner: \"999:999\","
        + " permission: \"0750\", min_disk_space: 500MB}"))).isEmpty();
    assertThat(problems("host-volume", withHostVolume("{host_path: '{{repl ConfigOption"
        + " \"data_dir\"}}', min_disk_space: '{{repl ConfigOption \"space\"}}'}"))).isEmpty();
  }

  @Test
  void eachWrongValueIsAnErrorAtItsKeyWithWhatToWrite() {
    assertThat(problems("host-volume", withHostVolume("{host_path: data, owner: \"a b\","
        + " permission: rwx, min_disk_space: lots}"))).containsExactly(
        "app.yml:6:17: error [host-volume] host volume data of component db: host_path is not"
            + " absolute; give a host directory starting with / (a named Docker volume belongs"
            + " in a container's volumes)",
        "app.yml:6:30: error [host-volume] host volume data of component db: owner \"a b\" is"
            + " not a user or user:group; write it like 999, 999:999 or postgres",
        "app.yml:6:49: error [host-volume] host volume data of component db: permission \"rwx\""
            + " is not an octal mode; write it like 0755 or 0700",
        "app.yml:6:70: error [host-volume] host volume data of component db: min_disk_space"
            + " \"lots\" is not a size; write it like 10GB, 500MB or a number of bytes");
  }

  @Test
  void anEntryWithoutHostPathIsAnError() {
    assertThat(problems("host-volume", withHostVolume("{owner: \"999\"}"))).containsExactly(
        "app.yml:6:5: error [host-volume] host volume #1 of component db has no host_path; give"
            + " the absolute host directory");
  }
}
