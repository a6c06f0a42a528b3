package dev.tugboat.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tugboat.config.SecretMasker;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Hides secrets in every text of a JSON tree about to be sent, whatever field holds it: masking
 * where the body is made, not where each field is filled, is what keeps a field added later from
 * showing a secret. An array of texts (a container's last output) is masked as lines together,
 * so a secret that spans lines is hidden on each of them.
 */
final class MaskedTree {

  private MaskedTree() {}

  static void mask(JsonNode node, SecretMasker masker) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue() instanceof TextNode text) {
          field.setValue(TextNode.valueOf(masker.mask(text.textValue())));
        } else {
          mask(field.getValue(), masker);
        }
      }
    } else if (node instanceof ArrayNode array) {
      maskArray(array, masker);
    }
  }

  private static void maskArray(ArrayNode array, SecretMasker masker) {
    List<String> lines = new ArrayList<>();
    for (JsonNode element : array) {
      if (!(element instanceof TextNode text) || text.textValue().indexOf('\n') >= 0) {
        lines = null;
        break;
      }
      lines.add(text.textValue());
    }
    if (lines != null && !lines.isEmpty()) {
      List<String> masked = masker.maskLines(lines);
      for (int i = 0; i < masked.size(); i++) {
        array.set(i, TextNode.valueOf(masked.get(i)));
      }
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof TextNode text) {
        array.set(i, TextNode.valueOf(masker.mask(text.textValue())));
      } else {
        mask(array.get(i), masker);
      }
    }
  }
}
