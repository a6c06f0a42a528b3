package dev.tugboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpecDiffTest {

  private static final String V1 = """
      replicated_api_version: 2.8.0
      name: demo
      version: "1"
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: 15
          env_vars:
          - name: POSTGRES_PASSWORD
            value: secret-one
          volumes:
          - host_path: pgdata
            container_path: /var/lib/postgresql/data
          ports:
          - private_port: "5432"
            public_port: "5432"
          publish_events:
          - name: db listens
            trigger: port-listen
            data: "5432"
            subscriptions:
            - component: app
              container: web
              action: start
      - name: app
        containers:
        - source: public
          image_name: web
          version: 1
          cmd: '["serve"]'
        - source: public
          image_name: cache
          version: 7
      """;

  @Test
  void aChangedInstanceCountIsAChangeOfTheContainer() throws SpecLoadException {
    String three = V1.replace("image_name: cache\n    version: 7\n",
        "image_name: cache\n    version: 7\n    cluster: true\n    cluster_instance_count: 3\n");
    String five = three.replace("cluster_instance_count: 3", "cluster_instance_count: {initial: 5}");
    assertThat(SpecDiff.between(load(V1), load(three)).lines())
        .containsExactly("~ container app/cache: instances 1 -> 3");
    assertThat(SpecDiff.between(load(three), load(five)).lines())
        .containsExactly("~ container app/cache: instances 3 -> 5");
  }

  @Test
  void aChangedLogConfigOrHostVolumeIsAChangeOfEachContainerItReaches() throws SpecLoadException {
    String logged = V1.replace("- name: app\n", "- name: app\n  log_config: {type: journald}\n");
    String ownDriver = logged.replace("image_name: cache\n    version: 7\n",
        "image_name: cache\n    version: 7\n    log_config: {type: journald}\n");
    String volumes = V1.replace("- name: db\n", "- name: db\n  host_volumes:\n"
        + "  - {host_path: /srv/db, owner: \"999\"}\n");

    assertThat(SpecDiff.between(load(V1), load(logged)).lines()).containsExactly(
        "~ container app/web: log_config changed", "~ container app/cache: log_config changed");
    assertThat(SpecDiff.between(load(logged), load(ownDriver)).lines()).isEmpty();
    assertThat(SpecDiff.between(load(V1), load(volumes)).lines())
        .containsExactly("~ container db/postgres: host_volumes changed");
  }

  @Test
  void theSameSpecHasNoChanges() throws SpecLoadException {
    SpecChanges changes = SpecDiff.between(load(V1), load(V1));
    assertThat(changes.none()).isTrue();
    assertThat(changes.lines()).isEmpty();
  }

  @Test
  void containersAddedRemovedAndChangedAndEventsAddedAndRemoved() throws SpecLoadException {
    String v2 = V1.replace("version: \"1\"", "version: \"2\"")
        .replace("image_name: web\n    version: 1\n    cmd: '[\"serve\"]'",
            "image_name: web\n    version: 2\n    cmd: '[\"serve\", \"--fast\"]'")
        .replace("value: secret-one", "value: secret-two")
        .replace("  - source: public\n    image_name: cache\n    version: 7\n",
            "  - source: public\n    image_name: worker\n    version: 1\n")
        .replace("public_port: \"5432\"", "public_port: \"5433\"")
        .replace("container_path: /var/lib/postgresql/data",
            "container_path: /var/lib/postgresql/data\n    - host_path: pglogs\n"
                + "      container_path: /logs")
        .replace("name: db listens\n      trigger: port-listen",
            "name: db accepts\n      trigger: port-listen");

    SpecChanges changes = SpecDiff.between(load(V1), load(v2));

    assertThat(changes.containersAdded()).containsExactly("app/worker");
    assertThat(changes.containersRemoved()).containsExactly("app/cache");
    assertThat(changes.eventsAdded())
        .containsExactly("\"db accepts\" (db/postgres, port-listen 5432)");
    assertThat(changes.eventsRemoved())
        .containsExactly("\"db listens\" (db/postgres, port-listen 5432)");
    assertThat(changes.lines()).containsExactly(
        "+ container app/worker",
        "- container app/cache",
        "~ container db/postgres: env POSTGRES_PASSWORD changed",
        "~ container db/postgres: port 5432/tcp changed",
        "~ container db/postgres: volume /logs added",
        "~ container app/web: image web:1 -> web:2",
        "~ container app/web: cmd [\"serve\"] -> [\"serve\", \"--fast\"]",
        "+ event \"db accepts\" (db/postgres, port-listen 5432)",
        "- event \"db listens\" (db/postgres, port-listen 5432)");
  }

  @Test
  void envValuesAreNeverShownSinceTheyMayBePasswords() throws SpecLoadException {
    String v2 = V1.replace("value: secret-one", "value: secret-two");
    assertThat(String.join("\n", SpecDiff.between(load(V1), load(v2)).lines()))
        .doesNotContain("secret");
  }

  @Test
  void removedEnvAndVolumeAreNamed() throws SpecLoadException {
    String v2 = V1.replace("    env_vars:\n    - name: POSTGRES_PASSWORD\n      value: secret-one\n", "")
        .replace("    volumes:\n    - host_path: pgdata\n"
            + "      container_path: /var/lib/postgresql/data\n", "");
    assertThat(SpecDiff.between(load(V1), load(v2)).lines()).containsExactly(
        "~ container db/postgres: env POSTGRES_PASSWORD removed",
        "~ container db/postgres: volume /var/lib/postgresql/data removed");
  }

  private static AppSpec load(String text) throws SpecLoadException {
    LoadedSpec loaded = new SpecLoader().load(text, "spec.yml");
    assertThat(loaded.hasErrors()).as(loaded.problems().toString()).isFalse();
    return loaded.spec();
  }
}
