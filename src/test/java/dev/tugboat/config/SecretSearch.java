package dev.tugboat.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For tests that prove a secret appears nowhere: every form of it the masker knows (as it is,
 * JSON-escaped, shell-quoted, URL-encoded: {@link SecretForms}), and its base64, which an app
 * or a config file may carry although the masker cannot hide it.
 */
public final class SecretSearch {

  private SecretSearch() {}

  public static Set<String> forms(String secret) {
    Set<String> forms = new LinkedHashSet<>(SecretForms.of(secret));
    forms.add(secret);
    forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    return forms;
  }

  /** Each {@code file: form} where a form of {@code secret} occurs in a file's text. */
  public static List<String> found(String secret, Map<String, String> files) {
    return files.entrySet().stream().flatMap(file -> forms(secret).stream()
            .filter(form -> file.getValue().contains(form))
            .map(form -> file.getKey() + ": " + form))
        .toList();
  }
}
