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
}
