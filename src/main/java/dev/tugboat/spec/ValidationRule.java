package dev.tugboat.spec;

import java.util.function.BiConsumer;

/**
 * One validation rule: a stable id (printed with each problem, used by tools to filter) and a check
 * that reports what it finds. Adding a rule is one method plus one line in {@link SpecValidator}.
 */
public interface ValidationRule {
  String id();

  /** Reports every problem of this rule in {@code spec}; never throws for a bad spec. */
  void check(AppSpec spec, Findings findings);

  static ValidationRule of(String id, BiConsumer<AppSpec, Findings> check) {
    return new ValidationRule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public void check(AppSpec spec, Findings findings) {
        check.accept(spec, findings);
      }

      @Override
      public String toString() {
        return id;
      }
    };
  }
}
