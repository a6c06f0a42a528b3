package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.spec.AppSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecSecretsTest {

  @Test
  void masksSecretItemsAndEnvVarsExcludedFromSupport() throws Exception {
    AppSpec spec = TestSpecs.load("""
        config:
        - name: g
          items:
          - {name: db_pw, type: password, default: pg-pass}
          - {name: api_key, type: text, default: key-123}
        components:
        - name: app
          containers:
          - source: public
            image_name: web
            version: "1"
            env_vars:
            - {name: LITERAL, value: literal-secret, is_excluded_from_support: true}
            - {name: KEY, value: 'k:{{repl ConfigOption "api_key"}}', is_excluded_from_support: true}
            - {name: PEER, value: '{{repl HostPrivateIpAddress "nope" "x"}}', is_excluded_from_support: true}
            - {name: PLAIN, value: shown}
        """);
    ConfigValues values = new ConfigResolver(new Generators(Map.of()))
        .resolve(spec, ConfigScreen.of(spec), Settings.empty(), TestSpecs.facts(spec)).values();

    SecretMasker masker = SpecSecrets.masker(spec, values, values.environment(TestSpecs.facts(spec)));

    assertThat(masker.mask("pg-pass literal-secret k:key-123 key-123 shown"))
        .isEqualTo("******** ******** ******** key-123 shown");
  }
}
