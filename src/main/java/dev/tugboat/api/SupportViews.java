package dev.tugboat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tugboat.config.SecretMasker;

/**
 * The API's views as a support bundle holds them: the status body exactly as {@code GET
 * /api/v1/status} serves it, and any value or JSON text in the API's JSON, with every text of it
 * masked as the API masks a body ({@link MaskedTree}), indented for a person to read.
 */
public final class SupportViews {

  private static final ObjectMapper JSON = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SupportViews() {}

  /** The body {@code GET /api/v1/status} would answer now, secrets masked as it masks them. */
  public static byte[] status(AppService app) {
    StatusJson status = new StatusJson(app::snapshot, app::lastPreflight, app::masker,
        app::engineStatus);
    try {
      return status.body();
    } finally {
      status.close();
    }
  }

  /** {@code value} (records, maps, lists) in the API's JSON, every text masked. */
  public static String json(Object value, SecretMasker masker) {
    return write(JSON.valueToTree(value), masker);
  }

  /** A JSON document as it came (Docker's), every text masked; fails if it is not JSON. */
  public static String json(String document, SecretMasker masker) throws JsonProcessingException {
    return write(JSON.readTree(document), masker);
  }

  /** A tree already parsed (and perhaps trimmed by the caller), every text masked. */
  public static String json(JsonNode tree, SecretMasker masker) {
    return write(tree.deepCopy(), masker);
  }

  private static String write(JsonNode tree, SecretMasker masker) {
    MaskedTree.mask(tree, masker);
    try {
      // masked again as text: a secret in a field name, which the tree's masking leaves
      return masker.mask(JSON.writeValueAsString(tree)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
