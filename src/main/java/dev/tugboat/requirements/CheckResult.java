package dev.tugboat.requirements;

import java.util.Objects;

/**
 * One preflight check: what it is ({@code memory}, or a custom requirement's id), where the
 * requirement comes from ({@code app}, {@code component db}, {@code custom}), what it asks for,
 * what was measured, the verdict, and a message saying why (and, when it fails, what to do).
 */
public record CheckResult(String name, String scope, String required, String measured,
    Verdict verdict, String message) {

  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(required, "required");
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(message, "message");
  }

  /** {@code memory (app): need 8 GB, have 23.4 GB: ok}, then the message when there is one. */
  public String toText() {
    StringBuilder b = new StringBuilder(name).append(" (").append(scope).append("): ");
    if (!required.isEmpty()) {
      b.append("need ").append(required).append(", ");
    }
    b.append("have ").append(measured.isEmpty() ? "-" : measured).append(": ").append(verdict.label());
    if (!message.isEmpty()) {
      b.append(" - ").append(message);
    }
    return b.toString();
  }

  public java.util.Map<String, Object> toMap() {
    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("name", name);
    map.put("scope", scope);
    map.put("required", required);
    map.put("measured", measured);
    map.put("verdict", verdict.label());
    map.put("message", message);
    return map;
  }
}
