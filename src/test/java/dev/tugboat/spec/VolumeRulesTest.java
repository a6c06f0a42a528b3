package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static dev.tugboat.spec.RuleCheck.webAndDb;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VolumeRulesTest {

  @Test
  void containerPathIsAbsolute() {
    assertThat(problems("container-path-absolute",
        webAndDb("", "volumes:\n- {host_path: /srv, container_path: /data}"))).isEmpty();
    assertThat(problems("container-path-absolute",
        webAndDb("", "volumes:\n- {host_path: /srv, container_path: data}")))
        .containsExactly("app.yml:26:41: error [container-path-absolute] container_path \"data\" of"
            + " container web/shop is not absolute; start it with /");
  }

  @Test
  void optionsAreKnownAndDoNotConflict() {
    assertThat(problems("volume-options",
        webAndDb("", "volumes:\n- {host_path: /srv, container_path: /data:ro, options: [z]}"))).isEmpty();
    assertThat(problems("volume-options",
        webAndDb("", "volumes:\n- {host_path: /srv, container_path: /data, options: [readonly]}")))
        .containsExactly("app.yml:26:57: error [volume-options] volume option \"readonly\" of"
            + " container web/shop is unknown; known options: ro, rw, z, Z, nocopy and the"
            + " propagation modes");
    assertThat(problems("volume-options",
        webAndDb("", "volumes:\n- {host_path: /srv, container_path: /data:rw, options: [ro]}")))
        .containsExactly("app.yml:26:60: error [volume-options] volume /data of container web/shop"
            + " has both ro and rw, which contradict each other; keep one");
  }

  @Test
  void permissionIsOctalAndOwnerAUserOrUserGroup() {
    assertThat(problems("volume-access", webAndDb("", "volumes:\n- {host_path: /srv,"
        + " container_path: /data, permission: \"0750\", owner: \"999:999\"}"))).isEmpty();
    assertThat(problems("volume-access", webAndDb("", "volumes:\n- {host_path: /srv,"
        + " container_path: /data, permission: \"{{repl ConfigOption \\\"mode\\\"}}\","
        + " owner: postgres}"))).isEmpty();
    assertThat(problems("volume-access", webAndDb("", "volumes:\n- {host_path: /srv,"
        + " container_path: /data, permission: rwxr-x---, owner: \"999 999\"}")))
        .containsExactly("app.yml:26:60: error [volume-access] permission \"rwxr-x---\" of volume"
            + " /data is not an octal mode; write it like 0755 or 0700",
            "app.yml:26:78: error [volume-access] owner \"999 999\" of volume /data is not a user"
            + " or user:group; write it like 999, 999:999 or postgres");
  }

  @Test
  void permissionOnANamedVolumeIsAWarning() {
    assertThat(problems("volume-access", webAndDb("", "volumes:\n- {host_path: pgdata,"
        + " container_path: /data, owner: \"999\"}")))
        .containsExactly("app.yml:26:57: warning [volume-access] volume \"pgdata\" is a named"
            + " volume: its permission and owner are not applied (Docker gives its root the"
            + " image's ownership); use a host path starting with / to set them");
  }

  @Test
  void nocopyIsForNamedVolumesAndPropagationForHostPaths() {
    assertThat(problems("volume-option-kind", webAndDb("", "volumes:\n"
        + "- {host_path: /srv, container_path: /data, options: [z, rslave]}\n"
        + "- {host_path: cache, container_path: /cache, options: [Z, nocopy]}"))).isEmpty();
    assertThat(problems("volume-option-kind", webAndDb("", "volumes:\n"
        + "- {host_path: /srv, container_path: /data, options: [nocopy]}\n"
        + "- {host_path: cache, container_path: /cache:shared}")))
        .containsExactly("app.yml:26:57: error [volume-option-kind] volume option nocopy of /data"
            + " (container web/shop) applies to named volumes only; /srv is a host path, which"
            + " Docker never copies into: remove nocopy",
            "app.yml:27:42: error [volume-option-kind] volume option shared of /cache (container"
            + " web/shop) is a mount propagation mode, which Docker applies to host paths only;"
            + " \"cache\" is a named volume: remove shared or mount a host path starting with /");
  }

  @Test
  void dockerDesktopHintsAreWarnedAsIgnored() {
    assertThat(problems("volume-option-kind", webAndDb("", "volumes:\n"
        + "- {host_path: /srv, container_path: /data, options: [cached]}")))
        .containsExactly("app.yml:26:57: warning [volume-option-kind] volume option cached of /data"
            + " (container web/shop) is a Docker Desktop file-sharing hint; Docker on Linux ignores"
            + " it, and so does Tugboat");
  }
}
