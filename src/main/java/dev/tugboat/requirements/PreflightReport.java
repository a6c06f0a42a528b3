package dev.tugboat.requirements;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The checks of one preflight, in spec order: the app's host requirements, components', custom. */
public record PreflightReport(Instant checkedAt, List<CheckResult> checks) {

  public PreflightReport {
    Objects.requireNonNull(checkedAt, "checkedAt");
    checks = List.copyOf(checks);
  }

  public boolean hasErrors() {
    return checks.stream().anyMatch(c -> c.verdict() == Verdict.ERROR);
  }

  public List<CheckResult> with(Verdict verdict) {
    return checks.stream().filter(c -> c.verdict() == verdict).toList();
  }

  /** Why a start is refused: each failed check on its own line. */
  public String refusal() {
    return refusal("nothing was started");
  }

  /** Why {@code outcome} ("nothing was changed"): each failed check on its own line. */
  public String refusal(String outcome) {
    List<CheckResult> failed = with(Verdict.ERROR);
    return (failed.size() == 1 ? "a host requirement is not met" : failed.size()
        + " host requirements are not met") + "; " + outcome + ":\n  "
        + String.join("\n  ", failed.stream().map(CheckResult::toText).toList());
  }

  /**
   * The report with {@code mask} applied to every text a check shows: a custom check's output
   * can print a secret (a password its command was given), and a report reaches the status, the
   * API and the dashboard.
   */
  public PreflightReport masked(java.util.function.UnaryOperator<String> mask) {
    return new PreflightReport(checkedAt, checks.stream().map(c -> new CheckResult(
        mask.apply(c.name()), c.scope(), mask.apply(c.required()), mask.apply(c.measured()),
        c.verdict(), mask.apply(c.message()))).toList());
  }

  /** As the API and {@code tugboat preflight --format json} give it: plain maps and lists. */
  public java.util.Map<String, Object> toMap() {
    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("checked_at", checkedAt.toString());
    map.put("ok", !hasErrors());
    map.put("checks", checks.stream().map(CheckResult::toMap).toList());
    return map;
  }
}
