package dev.tugboat.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a parsed template tells its caller without rendering it. */
class TemplateCallsTest {

  @Test
  void containerReferencesListLiteralComponentContainerPairsOnce() {
    Template t =
        Template.parse(
            "proxy_pass http://{{repl HostPrivateIpAddress \"App\" \"freighter/counter\" }}:"
                + "{{repl ContainerExposedPort \"App\" \"freighter/counter\" \"3000\" }};\n"
                + "{{repl if true}}{{repl NodePublicIPAddressAll \"DB\" \"redis\" | len}}{{repl end}}"
                + "{{repl range $i, $h := (HostPrivateIpAddressAll \"C\" \"c\")}}{{repl end}}",
            "f");
    assertThat(t.containerReferences())
        .containsExactly(
            new ContainerReference("App", "freighter/counter"),
            new ContainerReference("DB", "redis"),
            new ContainerReference("C", "c"));
    assertThat(t.hasDynamicContainerReferences()).isFalse();
    assertThat(t.functionNames())
        .containsExactly("ContainerExposedPort", "HostPrivateIpAddress", "HostPrivateIpAddressAll",
            "NodePublicIPAddressAll", "len");
  }

  @Test
  void computedArgumentsAreReportedAsDynamic() {
    Template t = Template.parse("{{repl NodePrivateIPAddress (ConfigOption \"c\") \"x\"}}", "f");
    assertThat(t.containerReferences()).isEmpty();
    assertThat(t.hasDynamicContainerReferences()).isTrue();
    assertThat(Template.parse("{{repl \"x\" | NodePrivateIPAddress \"a\"}}", "f").hasDynamicContainerReferences())
        .isTrue();
  }

  @Test
  void constantTemplates() {
    assertThat(Template.parse("plain {{ text }}", "f").isConstant()).isTrue();
    assertThat(Template.parse("a{{repl/* c */}}b", "f").isConstant()).isTrue();
    assertThat(Template.parse("{{repl \"x\"}}", "f").isConstant()).isFalse();
    assertThat(Template.hasActions("x {{repl y}}")).isTrue();
    assertThat(Template.hasActions("x {{ repl y}}")).isFalse();
    assertThat(Template.hasActions(null)).isFalse();
  }

  @Test
  void aParsedTemplateRendersManyTimesAndKeepsItsSource() {
    Template t = Template.parse("{{repl ConfigOption \"k\"}}", "config_files[0].contents");
    assertThat(t.render(FakeEnvironment.standard().config("k", "one"))).isEqualTo("one");
    assertThat(t.render(FakeEnvironment.standard().config("k", "two"))).isEqualTo("two");
    assertThat(t.source()).isEqualTo("{{repl ConfigOption \"k\"}}");
    assertThat(t.fieldPath()).isEqualTo("config_files[0].contents");
    assertThat(List.of(t.toString())).containsExactly("config_files[0].contents: {{repl ConfigOption \"k\"}}");
  }
}
