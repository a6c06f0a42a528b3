package dev.tugboat.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.orchestrator.AppData;
import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data a snapshot keeps, as the spec's containers would mount it. */
class AppDataTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      config:
      - name: main
        items:
        - {name: data_dir, type: text, default: /srv/shop}
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: "15"
          volumes:
          - {host_path: shop-pgdata, container_path: /var/lib/postgresql/data}
          - {host_path: /etc/localtime, container_path: /etc/localtime, options: [ro]}
      - name: web
        containers:
        - source: public
          image_name: web
          version: "2"
          env_vars:
          - {name: DB_PORT, value: '{{repl ContainerExposedPort "db" "postgres" "5432"}}'}
          volumes:
          - {host_path: '{{repl ConfigOption "data_dir"}}/uploads', container_path: /uploads}
          - {host_path: shop-pgdata, container_path: /backup}
          - {host_path: web-cache, container_path: /cache, is_ephemeral: true}
      """;

  @Test
  void namedVolumesAndHostDirectoriesForWritingRenderedOnceEachWithTheImageThatMountsThem(
      @TempDir Path dir) throws Exception {
    Path specFile = Files.writeString(dir.resolve("app.yml"), SPEC);
    CheckedSpec spec = SpecCheck.check(new SpecLoader().load(specFile));
    HostAddresses host = new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1", Map.of());
    AppPreparer.Prepared prepared = AppPreparer.plan(spec, new AppPreparer.Options(specFile, null,
        List.of(), host, ImageRegistries.none(), Clock.systemUTC()));

    // web's env needs a run fact (the db's host port): its volumes are known without it
    AppData.Found found = AppData.of(prepared.inputs(), prepared.plan());
    assertThat(found.kept()).containsExactly(
        new AppData.Mounted(new DataMount(DataMount.Kind.NAMED_VOLUME, "shop-pgdata"),
            "postgres:15", "db/postgres", "/var/lib/postgresql/data"),
        new AppData.Mounted(new DataMount(DataMount.Kind.HOST_PATH, "/srv/shop/uploads"),
            "web:2", "web/web", "/uploads"));
    assertThat(found.leftOut()).containsExactly(
        new AppData.Mounted(new DataMount(DataMount.Kind.NAMED_VOLUME, "web-cache"),
            "web:2", "web/web", "/cache"));
  }

  @Test
  void aHostVolumeMarkedEphemeralOrExcludedLeavesOutWhatIsMountedAtOrUnderIt(@TempDir Path dir)
      throws Exception {
    Path specFile = Files.writeString(dir.resolve("app.yml"), """
        replicated_api_version: 2.8.0
        name: Shop
        config:
        - name: main
          items:
          - {name: data_dir, type: text, default: /srv/shop}
        components:
        - name: web
          host_volumes:
          - {host_path: '{{repl ConfigOption "data_dir"}}/scratch', is_ephemeral: "true"}
          - {host_path: /srv/shop/media, is_excluded_from_backup: true}
          - {host_path: /srv/shop/db}
          containers:
          - source: public
            image_name: web
            version: "2"
            volumes:
            - {host_path: /srv/shop/scratch, container_path: /scratch}
            - {host_path: /srv/shop/media/thumbs/, container_path: /thumbs}
            - {host_path: /srv/shop/db, container_path: /db}
            - {host_path: /srv/shop/mediaextra, container_path: /extra}
        """);
    CheckedSpec spec = SpecCheck.check(new SpecLoader().load(specFile));
    HostAddresses host = new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1", Map.of());
    AppPreparer.Prepared prepared = AppPreparer.plan(spec, new AppPreparer.Options(specFile, null,
        List.of(), host, ImageRegistries.none(), Clock.systemUTC()));

    AppData.Found found = AppData.of(prepared.inputs(), prepared.plan());

    assertThat(found.kept()).extracting(m -> m.data().source())
        .containsExactly("/srv/shop/db", "/srv/shop/mediaextra");
    assertThat(found.leftOut()).extracting(m -> m.data().source())
        .containsExactly("/srv/shop/scratch", "/srv/shop/media/thumbs");
  }
}
