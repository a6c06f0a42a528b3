package dev.tugboat.spec;

import java.util.OptionalInt;

/**
 * A container's {@code restart}: the policy as written (empty when absent, which means {@code
 * never}) and {@code max}, present only when written.
 */
public record RestartSpec(String policy, OptionalInt max) {
  public static final RestartSpec NONE = new RestartSpec("", OptionalInt.empty());

  /** The policy that applies: {@code never} when none was written. */
  public String effectivePolicy() {
    return policy.isEmpty() ? "never" : policy;
  }
}
