package dev.tugboat.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tugboat.api.SupportViews;
import dev.tugboat.config.SecretMasker;
import java.util.List;

/**
 * What one file of a support bundle holds, before it is masked: every kind is masked as the API
 * masks its own (text, lines together so a secret spanning lines is hidden, JSON field by field),
 * in {@link #masked}, the one place a part's content becomes bytes.
 */
sealed interface SupportContent {

  /** The text of the file, every secret hidden. */
  String masked(SecretMasker masker);

  record Text(String text) implements SupportContent {
    @Override
    public String masked(SecretMasker masker) {
      return masker.mask(text);
    }
  }

  /**
   * Part of a longer text (a file's start or end, output cut at a limit), between notes that say
   * so: a secret the cut split is hidden too ({@link SecretMasker#maskExcerpt}).
   */
  record Excerpt(String before, String text, String after, boolean cutAtStart, boolean cutAtEnd)
      implements SupportContent {
    @Override
    public String masked(SecretMasker masker) {
      return masker.mask(before) + masker.maskExcerpt(text, cutAtStart, cutAtEnd)
          + masker.mask(after);
    }
  }

  record Lines(List<String> lines) implements SupportContent {
    @Override
    public String masked(SecretMasker masker) {
      return lines.isEmpty() ? "" : String.join("\n", masker.maskLines(lines)) + "\n";
    }
  }

  /** Records, maps and lists, written in the API's JSON. */
  record Value(Object value) implements SupportContent {
    @Override
    public String masked(SecretMasker masker) {
      return SupportViews.json(value, masker);
    }
  }

  /** A JSON tree, such as Docker's inspect with what is left out already removed. */
  record Tree(JsonNode tree) implements SupportContent {
    @Override
    public String masked(SecretMasker masker) {
      return SupportViews.json(tree, masker);
    }
  }

  /** A JSON document as it came; not JSON, it is kept as text (still masked). */
  record Document(String json) implements SupportContent {
    @Override
    public String masked(SecretMasker masker) {
      try {
        return SupportViews.json(json, masker);
      } catch (JsonProcessingException notJson) {
        return masker.mask(json);
      }
    }
  }
}
