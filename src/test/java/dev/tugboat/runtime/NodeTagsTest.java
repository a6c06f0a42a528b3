package dev.tugboat.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tags as node labels, and which tag names a label key can carry. */
class NodeTagsTest {

  @Test
  void aTagIsALabelAndAConstraint() {
    assertThat(NodeTags.label("db")).isEqualTo("dev.tugboat.tag.db");
    assertThat(NodeTags.constraint("db")).isEqualTo("node.labels.dev.tugboat.tag.db==true");
  }

  @Test
  void tagsAreReadFromLabelsAndOtherLabelsAreKept() {
    Map<String, String> labels = Map.of("dev.tugboat.tag.db", "true", "zone", "eu",
        "dev.tugboat.tag.ssd", "true");
    assertThat(NodeTags.of(labels)).containsExactly("db", "ssd");
    assertThat(NodeTags.added(labels, List.of("web", "db")))
        .containsEntry("zone", "eu").containsEntry("dev.tugboat.tag.web", "true").hasSize(4);
    assertThat(NodeTags.removed(labels, List.of("db", "absent")))
        .isEqualTo(Map.of("zone", "eu", "dev.tugboat.tag.ssd", "true"));
  }

  @Test
  void lettersDigitsDashUnderscoreAndDotAreAllowed() {
    assertThat(NodeTags.checkAll(List.of("db-1", "fast_disk", "eu.west", "A9")))
        .containsExactly("A9", "db-1", "eu.west", "fast_disk");
  }

  @Test
  void aBadTagSaysWhatIsWrong() {
    assertThatThrownBy(() -> NodeTags.check("")).hasMessage("a tag cannot be empty");
    assertThatThrownBy(() -> NodeTags.check("db=1 x"))
        .hasMessage("tag 'db=1 x' has characters a node label cannot have: '=' (space)"
            + " (use letters, digits, '-', '_' and '.')");
    assertThatThrownBy(() -> NodeTags.check("dé"))
        .hasMessageContaining("'é'");
    assertThatThrownBy(() -> NodeTags.check("x".repeat(129)))
        .hasMessageContaining("129 characters long; at most 128");
  }
}
