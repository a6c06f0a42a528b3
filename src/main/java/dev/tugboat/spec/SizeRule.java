package dev.tugboat.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code size-format}: memory limits and sizes parse as bytes or {@code 500m}/{@code 1g}. */
final class SizeRule {
  static final String ID = "size-format";

  private SizeRule() {}

  static ValidationRule rule() {
    return ValidationRule.of(ID, SizeRule::check);
  }

  static void check(AppSpec spec, Findings findings) {
    for (int i = 0; i < spec.components().size(); i++) {
      checkSize(findings, "components[" + i + "].logs.max_size", spec.components().get(i).logs().maxSize());
    }
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      ContainerOptionsSpec options = located.value().options();
      Map<String, String> sizes = new LinkedHashMap<>();
      sizes.put("memory_limit", options.memoryLimit());
      sizes.put("shm_size", options.shmSize());
      sizes.put("logs.max_size", options.logs().maxSize());
      sizes.forEach((key, value) -> checkSize(findings, located.child(key), value));
      String swap = options.memorySwapLimit();
      // -1 lets the container swap without limit, as Docker's --memory-swap=-1.
      if (!swap.trim().equals("-1")) {
        checkSize(findings, located.child("memory_swap_limit"), swap);
      }
    }
  }

  private static void checkSize(Findings findings, String path, String value) {
    if (value.isBlank() || Templates.isTemplated(value) || Numbers.parseSize(value).isPresent()) {
      return;
    }
    String key = path.substring(path.lastIndexOf('.') + 1);
    findings.error(path, key + " \"" + value + "\" is not a size; write bytes (1048576) or a number"
        + " with k, m or g (512m, 1g)");
  }
}
