package dev.tugboat.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * The answer of one trigger check: not yet ({@code PENDING}), fired ({@code PASSED}), or can never
 * fire ({@code FAILED}). {@code lastSeen} says what the check observed, in words an operator reads
 * in a timeout message ("172.17.0.2:5432 refused the connection").
 */
public record ProbeOutcome(Status status, String lastSeen) {

  public enum Status {
    PENDING,
    PASSED,
    FAILED
  }

  public ProbeOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }

  public static ProbeOutcome pending(String lastSeen) {
    return new ProbeOutcome(Status.PENDING, lastSeen);
  }

  public static ProbeOutcome passed(String lastSeen) {
    return new ProbeOutcome(Status.PASSED, lastSeen);
  }

  public static ProbeOutcome failed(String lastSeen) {
    return new ProbeOutcome(Status.FAILED, lastSeen);
  }

  @JsonIgnore
  public boolean isPassed() {
    return status == Status.PASSED;
  }
}
