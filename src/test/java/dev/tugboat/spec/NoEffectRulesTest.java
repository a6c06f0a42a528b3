package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoEffectRulesTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      backup:
        enabled: true
        pause_all: true
        script: "#!/bin/sh\\nreplicated admin --no-tty backup"
      monitors:
        cpuacct: [web,shop]
      config:
      - name: main
        test_proc: {command: resolve_host}
        items:
        - name: host
          type: text
          help_text: the name users type
      components:
      - name: web
        host_volumes:
        - host_path: /data
        containers:
        - source: public
          image_name: shop
          version: "1.0"
          display_name: The shop
          content_trust:
            public_key_fingerprint: abc
          support_commands:
          - filename: ps.txt
            command: [ps]
      admin_commands:
      - alias: psql
        command: [psql]
        component: web
        container: shop
        timeout: 30
      """;

  @Test
  void aKeyAVendorReliesOnThatDoesNothingHereIsWarnedAtItsPositionWithWhy() {
    assertThat(problems("no-effect", SPEC)).containsExactly(
        "app.yml:6:11: warning [no-effect] script has no effect here: Tugboat runs no script"
            + " around a snapshot; run what it does (tugboat admin ...) before tugboat snapshot"
            + " create",
        "app.yml:8:3: warning [no-effect] monitors has no effect here: Replicated's console drew"
            + " these graphs; Tugboat draws none (its /metrics has the daemon's own figures)",
        "app.yml:11:14: warning [no-effect] test_proc has no effect here: Replicated's console ran"
            + " a group's check; Tugboat tests items only (tugboat config test ITEM)",
        "app.yml:26:7: warning [no-effect] container web/shop: content_trust has no effect here:"
            + " the image is not verified with Docker Content Trust");
  }

  @Test
  void aBackupSectionThatAsksWhatTugboatDoesGetsNoWarning() {
    assertThat(problems("no-effect", """
        replicated_api_version: 2.8.0
        name: Shop
        backup:
          enabled: '{{repl ConfigOptionEquals "backups" "1"}}'
          pause_containers: '{{repl LicenseFieldValue "zero_downtime_backups"}}'
          exclude_registry_data: true
          disable_deduplication: true
        """)).isEmpty();
  }

  @Test
  void presentationHintsAndASpecWithoutSuchKeysGetNoWarning() {
    assertThat(problems("no-effect", """
        replicated_api_version: 2.8.0
        name: Shop
        release_notes: better
        properties:
          app_url: http://shop
        components:
        - name: web
          containers:
          - source: public
            image_name: shop
            version: "1.0"
            display_name: The shop
        """)).isEmpty();
  }
}
