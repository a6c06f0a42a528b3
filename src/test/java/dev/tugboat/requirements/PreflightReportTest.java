package dev.tugboat.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.SecretMasker;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreflightReportTest {

  @Test
  void aMaskedReportShowsNoSecretInAnyTextOfACheck() {
    SecretMasker masker = SecretMasker.none().with(Set.of("hunter2-secret"));
    PreflightReport report = new PreflightReport(Instant.EPOCH, List.of(new CheckResult(
        "db login hunter2-secret", "custom", "exit 0", "psql: password hunter2-secret refused",
        Verdict.ERROR, "cannot log in with hunter2-secret")));

    PreflightReport masked = report.masked(masker::mask);

    assertThat(masked.toMap().toString()).doesNotContain("hunter2-secret").contains("********");
    assertThat(masked.refusal()).doesNotContain("hunter2-secret");
    assertThat(masked.checks().get(0).verdict()).isEqualTo(Verdict.ERROR);
    assertThat(masked.checkedAt()).isEqualTo(report.checkedAt());
  }
}
