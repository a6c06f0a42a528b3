package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SpecLoader;
import org.junit.jupiter.api.Test;

class TemplateReferenceProblemsTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Ring
      components:
      - name: db
        containers:
        - source: public
          image_name: cassandra
          version: "4"
          env_vars:
          - name: SEEDS
            value: '{{repl range NodePrivateIPAddressAll "db" "cassandra" }}{{repl . }},{{repl end}}'
          - name: WEB
            value: '{{repl NodePrivateIPAddress "web" "shoop" }}:{{repl ContainerExposedPort "cache" "redis" "6379" }}'
      - name: web
        containers:
        - source: public
          image_name: shop
          version: "1"
      """;

  @Test
  void aTemplateNamingAContainerTheSpecDoesNotHaveIsAnErrorWhereTheNamesStand() throws Exception {
    AppSpec spec = new SpecLoader().load(SPEC, "ring.yml").spec();

    assertThat(TemplateReferenceProblems.problems(spec, SPEC)).extracting(Problem::toText)
        .containsExactly(
            "ring.yml:13:43: error [template-container-exists] components[0].containers[0]"
                + ".env_vars[1].value: there is no container web/shoop in the spec (did you mean "
                + "web/shop?); name a component, then a container's image_name or name",
            "ring.yml:13:88: error [template-container-exists] components[0].containers[0]"
                + ".env_vars[1].value: there is no container cache/redis in the spec; name a "
                + "component, then a container's image_name or name");
  }
}
