package dev.tugboat.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's number formatting, number parsing and quoting, against values from Go's documentation. */
class GoConversionsTest {

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "0.0 g -1 => 0",
        "-0.0 g -1 => -0",
        "1.0 g -1 => 1",
        "0.1 g -1 => 0.1",
        "0.30000000000000004 g -1 => 0.30000000000000004",
        "123456.0 g -1 => 123456",
        "1234567.0 g -1 => 1.234567e+06",
        "1.0E21 g -1 => 1e+21",
        "2.0E23 g -1 => 2e+23",
        "5.0E-324 g -1 => 5e-324",
        "1.7976931348623157E308 g -1 => 1.7976931348623157e+308",
        "123.456 f -1 => 123.456",
        "0.0001 g -1 => 0.0001",
        "0.00001 g -1 => 1e-05",
        "3.14159 g 3 => 3.14",
        "1.5 g 4 => 1.5",
        "2746.0 g 4 => 2746",
        "999.96 g 4 => 1000",
        "12345.0 g 2 => 1.2e+04",
        "2.5 f 0 => 2",
        "3.5 f 0 => 4",
        "1.005 f 2 => 1.00",
        "1.0 f 3 => 1.000",
        "1234.5678 e 2 => 1.23e+03",
        "0.0 e 2 => 0.00e+00",
        "1.0E-7 e -1 => 1e-07",
        "1.0E100 e 3 => 1.000e+100",
      })
  void floats(String value, String expected) {
    String[] p = value.split(" ");
    assertThat(GoFloat.format(Double.parseDouble(p[0]), p[1].charAt(0), Integer.parseInt(p[2])))
        .isEqualTo(expected);
  }

  @Test
  void specialFloats() {
    assertThat(GoFloat.format(Double.NaN, 'g', -1)).isEqualTo("NaN");
    assertThat(GoFloat.format(Double.POSITIVE_INFINITY, 'g', -1)).isEqualTo("+Inf");
    assertThat(GoFloat.format(Double.NEGATIVE_INFINITY, 'f', 2)).isEqualTo("-Inf");
  }

  @ParameterizedTest
  @CsvSource({
    "42, 10, 64, 42", "-42, 10, 64, -42", "+7, 10, 64, 7", "ff, 16, 64, 255", "FF, 16, 64, 255",
    "0x_1f, 0, 64, 31", "0b101, 0, 64, 5", "0o17, 0, 64, 15", "017, 0, 64, 15", "1_000, 0, 64, 1000",
    "z, 36, 64, 35", "-128, 10, 8, -128", "9223372036854775807, 10, 64, 9223372036854775807",
    "-9223372036854775808, 10, 0, -9223372036854775808",
  })
  void parseInt(String s, int base, int bits, long expected) {
    assertThat(GoStrconv.parseInt(s, base, bits)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "EMPTY 10 64 => strconv.ParseInt: parsing \"\": invalid syntax",
        "1_000 10 64 => strconv.ParseInt: parsing \"1_000\": invalid syntax",
        "_1 0 64 => strconv.ParseInt: parsing \"_1\": invalid syntax",
        "1__0 0 64 => strconv.ParseInt: parsing \"1__0\": invalid syntax",
        "128 10 8 => strconv.ParseInt: parsing \"128\": value out of range",
        "9223372036854775808 10 64 => strconv.ParseInt: parsing \"9223372036854775808\": value out of range",
        "12 10 65 => strconv.ParseInt: parsing \"12\": invalid bit size 65",
        "12 37 64 => strconv.ParseInt: parsing \"12\": invalid base 37",
        "0x 0 64 => strconv.ParseInt: parsing \"0x\": invalid syntax",
      })
  void parseIntErrors(String input, String expected) {
    String[] p = input.split(" ");
    String s = p[0].equals("EMPTY") ? "" : p[0];
    assertThatThrownBy(() -> GoStrconv.parseInt(s, Integer.parseInt(p[1]), Integer.parseInt(p[2])))
        .isInstanceOf(FunctionError.class)
        .hasMessage(expected);
  }

  @Test
  void parseUintAndFloatAndBool() {
    assertThat(GoStrconv.parseUint("18446744073709551615", 10, 64)).isEqualTo(-1L);
    assertThatThrownBy(() -> GoStrconv.parseUint("256", 10, 8)).hasMessage("strconv.ParseUint: parsing \"256\": value out of range");
    assertThat(GoStrconv.parseFloat("1e3")).isEqualTo(1000.0);
    assertThat(GoStrconv.parseFloat(".5")).isEqualTo(0.5);
    assertThat(GoStrconv.parseFloat("0x1p-2")).isEqualTo(0.25);
    assertThat(GoStrconv.parseFloat("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(GoStrconv.parseFloat("NaN")).isNaN();
    assertThatThrownBy(() -> GoStrconv.parseFloat("1d")).hasMessage("strconv.ParseFloat: parsing \"1d\": invalid syntax");
    assertThatThrownBy(() -> GoStrconv.parseFloat(" 1")).hasMessage("strconv.ParseFloat: parsing \" 1\": invalid syntax");
    assertThatThrownBy(() -> GoStrconv.parseFloat("1e999")).hasMessage("strconv.ParseFloat: parsing \"1e999\": value out of range");
    assertThat(GoStrconv.parseBool("T")).isTrue();
    assertThat(GoStrconv.parseBool("False")).isFalse();
    assertThatThrownBy(() -> GoStrconv.parseBool("yes")).hasMessage("strconv.ParseBool: parsing \"yes\": invalid syntax");
  }

  @Test
  void quoting() {
    assertThat(GoStrings.quote("a\"b\\c\n\t\u0007é\u200b")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\aé\\u200b\"");
    assertThat(GoStrings.quote("\u0001")).isEqualTo("\"\\x01\"");
    assertThat(GoStrings.quoteRune('\'')).isEqualTo("'\\''");
    assertThat(GoStrings.unquote("\"\\x41\\101\\u00e9\\U0001F600\"")).isEqualTo("AAé\uD83D\uDE00");
    assertThat(GoStrings.unquote("`a\r\nb`")).isEqualTo("a\nb");
    assertThat(GoStrings.unquoteChar("'\\n'")).isEqualTo('\n');
    assertThatThrownBy(() -> GoStrings.unquote("\"\\'\"")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoStrings.unquoteChar("'ab'")).hasMessage("malformed character constant: 'ab'");
  }
}
