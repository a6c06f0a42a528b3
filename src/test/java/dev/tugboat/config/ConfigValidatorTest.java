package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tugboat.spec.AppSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

  private static final AppSpec SPEC = TestSpecs.load("""
      config:
      - name: g
        items:
        - {name: hostname, title: Hostname, type: text, required: true}
        - {name: backup_path, type: text, required: true, default: /backup}
        - {name: tls_on, type: bool, default: "0"}
        - {name: tls_cert, title: TLS certificate, type: file, required: true, when: tls_on=1}
        - {name: note, type: label, required: true}
        - {name: fixed, type: text, readonly: true, default: x}
        - {name: auth, type: select_one, items: [{name: auth_internal}, {name: auth_ldap}]}
        - {name: features, type: select_many, items: [{name: feature_a}, {name: feature_b}]}
        - {name: admin_pw, type: password}
      """);

  private ConfigValues values(Settings settings) throws Exception {
    return new ConfigResolver(new Generators(Map.of()))
        .resolve(SPEC, ConfigScreen.of(SPEC), settings, TestSpecs.facts(SPEC)).values();
  }

  @Test
  void reportsShownRequiredItemsWithoutAValueByName() throws Exception {
    assertThat(ConfigValidator.missingRequired(values(Settings.empty()))).containsExactly(
        "required config item 'hostname' (Hostname) has no value; set it with: tugboat config set SPEC"
            + " hostname=VALUE");
  }

  @Test
  void aRequiredItemShownByItsWhenMustHaveAValueToo() throws Exception {
    ConfigValues values = values(Settings.empty()
        .with("hostname", StoredValue.of("app.example.com"))
        .with("tls_on", StoredValue.of("1")));

    assertThat(ConfigValidator.missingRequired(values)).containsExactly(
        "required config item 'tls_cert' (TLS certificate) has no value; set it with: tugboat config"
            + " set SPEC tls_cert=@FILE");
    assertThatThrownBy(() -> ConfigValidator.requireComplete(values))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the app cannot start until its required config items have values:\n"
            + "  required config item 'tls_cert' (TLS certificate) has no value; set it with: tugboat"
            + " config set SPEC tls_cert=@FILE");
  }

  @Test
  void aCompleteConfigPasses() throws Exception {
    ConfigValues values = values(Settings.empty().with("hostname", StoredValue.of("h")));

    assertThatCode(() -> ConfigValidator.requireComplete(values)).doesNotThrowAnyException();
  }

  private static void write(String item, StoredValue value) throws ConfigException {
    ConfigValidator.checkWrite(ConfigScreen.of(SPEC), item, value);
  }

  @Test
  void acceptsValuesThatFitTheirTypes() {
    assertThatCode(() -> {
      write("hostname", StoredValue.of("anything"));
      write("tls_on", StoredValue.of("1"));
      write("tls_on", StoredValue.of("0"));
      write("auth", StoredValue.of("auth_ldap"));
      write("feature_b", StoredValue.of("1"));
      write("tls_cert", StoredValue.file("server.crt", "PEM"));
      write("admin_pw", StoredValue.of("s3cret"));
    }).doesNotThrowAnyException();
  }

  @Test
  void refusesValuesThatBreakTheirTypeWithTheReason() {
    assertThatThrownBy(() -> write("tls_on", StoredValue.of("yes")))
        .hasMessage("config item 'tls_on': it is a bool: its value must be 1 (on) or 0 (off), got 'yes'");
    assertThatThrownBy(() -> write("auth", StoredValue.of("auth_oauth")))
        .hasMessage("config item 'auth': it is select_one: its value must be the name of one of its"
            + " options (auth_internal, auth_ldap), got 'auth_oauth'");
    assertThatThrownBy(() -> write("feature_a", StoredValue.of("on")))
        .hasMessage("config item 'feature_a': it is an option of select_many item 'features': its value"
            + " must be 1 (on) or 0 (off), got 'on'");
    assertThatThrownBy(() -> write("features", StoredValue.of("feature_a")))
        .hasMessage("config item 'features': it is select_many: set its options (feature_a, feature_b)"
            + " to 1 or 0 instead");
    assertThatThrownBy(() -> write("tls_cert", StoredValue.of("server.crt")))
        .hasMessage("config item 'tls_cert' (TLS certificate): it is a file: give its contents with"
            + " tls_cert=@PATH");
    assertThatThrownBy(() -> write("hostname", StoredValue.file("h.txt", "x")))
        .hasMessage("config item 'hostname' (Hostname): it is text, not a file: give the value itself,"
            + " not @PATH");
    assertThatThrownBy(() -> write("note", StoredValue.of("x")))
        .hasMessage("config item 'note': it is a label and holds no value");
    assertThatThrownBy(() -> write("fixed", StoredValue.of("y")))
        .hasMessage("config item 'fixed': it is readonly; its value comes from the spec");
  }

  @Test
  void anUnknownItemListsTheItems() {
    assertThatThrownBy(() -> write("hostnme", StoredValue.of("x")))
        .hasMessage("no config item 'hostnme' in this spec; the items are hostname, backup_path, tls_on,"
            + " tls_cert, note, fixed, auth, auth_internal, auth_ldap, features, feature_a, feature_b,"
            + " admin_pw");
  }
}
