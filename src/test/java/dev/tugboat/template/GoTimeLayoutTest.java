package dev.tugboat.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go layouts against the time 2026-03-04 17:06:07.089 (a Wednesday), results as Go formats them. */
class GoTimeLayoutTest {
  private static final ZonedDateTime T =
      ZonedDateTime.of(2026, 3, 4, 17, 6, 7, 89_000_000, ZoneOffset.UTC);

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "20060102 => 20260304",
        "2006-01-02T15:04:05Z07:00 => 2026-03-04T17:06:07Z",
        "2006-01-02T15:04:05-07:00 => 2026-03-04T17:06:07+00:00",
        "Mon Jan _2 15:04:05 MST 2006 => Wed Mar  4 17:06:07 UTC 2026",
        "Monday, January 2, 2006 => Wednesday, March 4, 2026",
        "3:04PM => 5:06PM",
        "03:04:05 pm => 05:06:07 pm",
        "06/1/2 => 26/3/4",
        "15:04:05.000 => 17:06:07.089",
        "15:04:05.999999 => 17:06:07.089",
        "15:04:05.000000 => 17:06:07.089000",
        "002 __2 => 063  63",
        "-0700 Z0700 => +0000 Z",
        "plain text: xyz => plain text: xyz",
      })
  void formats(String layout, String expected) {
    assertThat(GoTimeLayout.format(layout, T)).isEqualTo(expected);
  }
}
