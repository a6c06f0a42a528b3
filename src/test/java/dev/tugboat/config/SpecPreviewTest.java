package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.template.TemplateException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecPreviewTest {

  private static final String HEADER = "replicated_api_version: 2.8.0\nname: Test App\nversion: \"1.2\"\n";

  private static final String BODY = """
      config:
      - name: g
        items:
        - {name: hostname, type: text, default: app.example.com}
        - {name: db_pw, type: password, default: pg-s3cret}
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: "9.5"
          env_vars:
          - name: POSTGRES_PASSWORD
            value: '{{repl ConfigOption "db_pw"}}'
          - name: API_TOKEN
            value: token-123
            is_excluded_from_support: true
      - name: app
        containers:
        - source: public
          image_name: web
          version: "1"
          env_vars:
          - name: DB_URL
            static_val: 'postgres://u:{{repl ConfigOption "db_pw"}}@{{repl HostPrivateIpAddress "db" "postgres"}}:{{repl ContainerExposedPort "db" "postgres" "5432"}}/x'
          - name: DEBUG
            value: "1"
            when: "false"
          ports:
          - {private_port: "80", public_port: "80", when: ""}
        - source: public
          image_name: never
          version: "1"
          when: "false"
      """;

  private static SpecPreview.Result render(String body, boolean showSecrets) throws Exception {
    AppSpec spec = TestSpecs.load(body);
    ConfigValues values = new ConfigResolver(new Generators(Map.of()))
        .resolve(spec, ConfigScreen.of(spec), Settings.empty(), TestSpecs.facts(spec)).values();
    return SpecPreview.render(HEADER + body, values, values.environment(TestSpecs.facts(spec)), showSecrets);
  }

  @Test
  void evaluatesTemplatesDropsFalseEntriesAndMasksSecrets() throws Exception {
    SpecPreview.Result result = render(BODY, false);

    assertThat(result.errors()).isEmpty();
    String yaml = PreviewWriter.yaml(result.tree());
    assertThat(yaml).contains("""
            env_vars:
            - name: POSTGRES_PASSWORD
              value: '********'
            - name: API_TOKEN
              value: '********'
              is_excluded_from_support: true
        """);
    assertThat(yaml).contains(
        "static_val: postgres://u:********@<address of db/postgres>:<port 5432 of db/postgres>/x");
    assertThat(yaml).doesNotContain("DEBUG").doesNotContain("never").doesNotContain("pg-s3cret")
        .doesNotContain("token-123");
    assertThat(yaml).contains("    ports:\n    - private_port: '80'\n      public_port: '80'\n");
    assertThat(yaml).contains("default: '********'");
  }

  @Test
  void showsSecretsWhenAsked() throws Exception {
    String yaml = PreviewWriter.yaml(render(BODY, true).tree());

    assertThat(yaml).contains("value: pg-s3cret").contains("value: token-123");
  }

  @Test
  void collectsEveryTemplateErrorWithItsField() throws Exception {
    SpecPreview.Result result = render("""
        components:
        - name: app
          containers:
          - source: public
            image_name: web
            version: "1"
            env_vars:
            - name: A
              value: '{{repl HostPrivateIpAddress "nope" "x"}}'
            - name: B
              value: '{{repl ConfigOption "x"'
              when: "maybe"
        """, false);

    assertThat(result.errors()).extracting(TemplateException::fieldPath).containsExactly(
        "components[0].containers[0].env_vars[0].value",
        "components[0].containers[0].env_vars[1].when",
        "components[0].containers[0].env_vars[1].value");
    assertThat(result.errors().get(1).detail()).isEqualTo("when gave 'maybe'; it must give true or false"
        + " (1, t, T, TRUE, true, True, or 0, f, F, FALSE, false, False, or nothing)");
  }

  @Test
  void yamlBooleansWorkAsWhenAndAsTheSecretFlag() throws Exception {
    SpecPreview.Result result = render("""
        components:
        - name: app
          containers:
          - source: public
            image_name: web
            version: "1"
            env_vars:
            - {name: KEPT, value: "k", when: true}
            - {name: DROPPED, value: "d", when: false}
            - {name: HIDDEN, value: "hidden-value", is_excluded_from_support: yes}
        """, false);

    String yaml = PreviewWriter.yaml(result.tree());
    assertThat(yaml).contains("name: KEPT").doesNotContain("DROPPED").doesNotContain("hidden-value")
        .doesNotContain("when");
  }
}
