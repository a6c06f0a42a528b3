package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigScreenTest {

  @Test
  void indexesItemsAndOptionsInSpecOrderWithTheirTypes() throws Exception {
    ConfigScreen screen = ConfigScreen.of(TestSpecs.load("""
        config:
        - name: first
          items:
          - name: untyped
          - name: auth
            type: select_one
            items:
            - name: auth_internal
            - name: auth_ldap
        - name: second
          items:
          - {name: t, type: text}
          - {name: p, type: password}
          - {name: ta, type: textarea}
          - {name: b, type: bool}
          - {name: many, type: select_many, items: [{name: m1}, {name: m2}]}
          - {name: f, type: file}
          - {name: l, type: label}
          - {name: h, type: heading}
        """));

    assertThat(screen.names()).containsExactly("untyped", "auth", "auth_internal", "auth_ldap",
        "t", "p", "ta", "b", "many", "m1", "m2", "f", "l", "h");
    assertThat(screen.entry("untyped").orElseThrow().type()).isEqualTo(ItemType.TEXT);
    assertThat(screen.entry("b").orElseThrow().type()).isEqualTo(ItemType.BOOL);
    assertThat(screen.entry("h").orElseThrow().type()).isEqualTo(ItemType.HEADING);
    assertThat(screen.entry("auth_ldap").orElseThrow().parent()).contains("auth");
    assertThat(screen.entry("auth_ldap").orElseThrow().path()).isEqualTo("config[0].items[1].items[1]");
    assertThat(screen.entry("m2").orElseThrow().group()).isEqualTo("second");
    assertThat(screen.options("many")).extracting(ConfigEntry::name).containsExactly("m1", "m2");
    assertThat(screen.entry("p").orElseThrow().isSecret()).isTrue();
    assertThat(screen.entry("t").orElseThrow().isSecret()).isFalse();
  }

  @Test
  void anUnknownTypeListsTheTypes() {
    assertThatThrownBy(() -> ConfigScreen.of(TestSpecs.load("""
        config:
        - name: g
          items:
          - {name: color, type: dropdown}
        """)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config[0].items[0].type: config item 'color' has type 'dropdown'; the types are"
            + " text, password, textarea, bool, select_one, select_many, file, label, heading");
  }

  @Test
  void twoItemsWithOneNameAreRefused() {
    assertThatThrownBy(() -> ConfigScreen.of(TestSpecs.load("""
        config:
        - name: g
          items:
          - {name: host}
        - name: h
          items:
          - {name: host}
        """)))
        .hasMessage("config[1].items[0]: config item name 'host' is already used at config[0].items[0];"
            + " names must be unique");
  }

  @Test
  void anItemNeedsAName() {
    assertThatThrownBy(() -> ConfigScreen.of(TestSpecs.load("""
        config:
        - name: g
          items:
          - {title: Nameless}
        """)))
        .hasMessage("config[0].items[0]: a config item needs a name");
  }

  @Test
  void aWhenOfNoKnownFormIsRefused() {
    assertThatThrownBy(() -> ConfigScreen.of(TestSpecs.load("""
        config:
        - name: g
          items:
          - {name: a, when: "a is on"}
        """)))
        .hasMessage("config[0].items[0].when: when 'a is on' is not item=value, item!=value or a"
            + " {{repl ...}} template");
  }
}
