package dev.tugboat.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CompatibilityPageParseTest {
  private static final CompatibilityPage PAGE = CompatibilityPage.parse("""
      # Title

      ## `ports[]`

      | key | Tugboat | what it does |
      | --- | --- | --- |
      | `private_port` | used | the container's port |
      | `public_port_initial` | unknown | Replicated's; an unknown-key warning |
      | `interface` | maybe | a status that is none of the five |
      """);

  @Test
  void readsKeyAndStatusOfEachRowUnderItsHeading() {
    assertThat(PAGE.rows("ports[]")).extracting(CompatibilityPage.Row::key, CompatibilityPage.Row::status)
        .containsExactly(tuple("private_port", "used"), tuple("public_port_initial", "unknown"),
            tuple("interface", "maybe"));
  }

  @Test
  void namesEveryDifferenceFromTheKnownNames() {
    assertThat(PAGE.differences("ports[]", Set.of("private_port", "interface", "when", "public_port_initial"),
        "the reader")).containsExactlyInAnyOrder(
            "docs/compatibility.md:8 (ports[]): `public_port_initial` is marked unknown, but the reader"
                + " knows it: say what Tugboat does",
            "docs/compatibility.md:9 (ports[]): `interface` has the status \"maybe\"; use one of "
                + CompatibilityPage.STATUSES,
            "the reader knows `when`, which docs/compatibility.md does not list under \"ports[]\"");
    assertThat(PAGE.differences("ports[]", Set.of("interface"), "the reader"))
        .contains("docs/compatibility.md:7 (ports[]): `private_port` is not known to the reader:"
            + " mark it unknown or remove it");
    assertThat(PAGE.differences("volumes[]", Set.of("host_path"), "the reader"))
        .containsExactly("docs/compatibility.md has no table under the heading \"volumes[]\"");
  }
}
