package dev.tugboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RequirementValuesTest {

  @Test
  void sizesAsReplicatedWroteThem() {
    assertThat(RequirementValues.parseSize("8GB")).hasValue(8L << 30);
    assertThat(RequirementValues.parseSize("2048MB")).hasValue(2048L << 20);
    assertThat(RequirementValues.parseSize("11.25GB")).hasValue((long) (11.25 * (1L << 30)));
    assertThat(RequirementValues.parseSize("100TB")).hasValue(100L << 40);
    assertThat(RequirementValues.parseSize("1 GiB")).hasValue(1L << 30);
    assertThat(RequirementValues.parseSize("500m")).hasValue(500L << 20);
    assertThat(RequirementValues.parseSize("1048576")).hasValue(1048576);
    assertThat(RequirementValues.parseSize("8 gigs")).isEqualTo(OptionalLong.empty());
    assertThat(RequirementValues.parseSize("")).isEqualTo(OptionalLong.empty());
    assertThat(RequirementValues.parseSize("99999999999PB")).isEqualTo(OptionalLong.empty());
  }

  @Test
  void humanSizes() {
    assertThat(RequirementValues.humanSize(8L << 30)).isEqualTo("8 GB");
    assertThat(RequirementValues.humanSize((long) (23.4 * (1L << 30)))).isEqualTo("23.4 GB");
    assertThat(RequirementValues.humanSize(100L << 40)).isEqualTo("100 TB");
    assertThat(RequirementValues.humanSize(512)).isEqualTo("512 B");
  }

  @Test
  void versionsCompareByTheirNumbers() {
    int[] engine = RequirementValues.parseVersion("20.10.24+dfsg1").orElseThrow();
    assertThat(RequirementValues.compare(engine, RequirementValues.parseVersion("1.10.3").orElseThrow()))
        .isPositive();
    assertThat(RequirementValues.compare(RequirementValues.parseVersion("17.06.1-ce").orElseThrow(),
        RequirementValues.parseVersion("17.6.1").orElseThrow())).isZero();
    assertThat(RequirementValues.compare(RequirementValues.parseVersion("1.9").orElseThrow(),
        RequirementValues.parseVersion("1.10.3").orElseThrow())).isNegative();
    assertThat(RequirementValues.parseVersion("latest")).isEmpty();
  }

  @Test
  void versionRanges() {
    assertThat(RequirementValues.rangeProblem(">=2.3.0 <2.5.0")).isEmpty();
    assertThat(RequirementValues.rangeProblem("2.4.1")).isEmpty();
    assertThat(RequirementValues.rangeProblem(">=2.3.0 || <1.0.0")).isEmpty();
    assertThat(RequirementValues.rangeProblem(">= 2.3.0")).isEmpty();
    assertThat(RequirementValues.rangeProblem("newest")).hasValue("\"newest\" is not a comparison with a version");
    assertThat(RequirementValues.rangeProblem(">=2.3.0 ||")).hasValue("an empty alternative");
  }
}
