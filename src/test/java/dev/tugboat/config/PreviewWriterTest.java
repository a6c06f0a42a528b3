package dev.tugboat.config;

import dev.tugboat.spec.SpecTree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewWriterTest {

  private static final String SPEC = """
      name: App
      version: 1.10
      count: 3
      enabled: yes
      nothing: null
      list:
      - a: "1"
        b: "text with: colon"
      """;

  @Test
  void yamlKeepsOrderAndScalarsAsWritten() {
    Map<String, Object> tree = SpecTree.parse(SPEC);

    assertThat(PreviewWriter.yaml(tree)).isEqualTo("""
        name: App
        version: 1.10
        count: 3
        enabled: yes
        nothing: null
        list:
        - a: '1'
          b: 'text with: colon'
        """);
  }

  @Test
  void jsonTurnsScalarsIntoJsonTypes() {
    assertThat(PreviewWriter.json(SpecTree.parse(SPEC))).isEqualTo("""
        {
          "name" : "App",
          "version" : 1.10,
          "count" : 3,
          "enabled" : true,
          "nothing" : null,
          "list" : [ {
            "a" : "1",
            "b" : "text with: colon"
          } ]
        }
        """);
  }

  @Test
  void mergeKeysAreApplied() {
    Map<String, Object> tree = SpecTree.parse("""
        base: &base {x: "1", y: "2"}
        use:
          <<: *base
          y: "3"
        """);

    assertThat(tree.get("use")).isEqualTo(Map.of("x", "1", "y", "3"));
  }

  @Test
  void sharedEmptyListsAreWrittenOutNotAliased() {
    Map<String, Object> tree = new java.util.LinkedHashMap<>();
    java.util.List<Object> empty = java.util.List.of();
    tree.put("a", empty);
    tree.put("b", empty);

    assertThat(PreviewWriter.yaml(tree)).isEqualTo("a: []\nb: []\n");
  }
}
