package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomGeneratorTest {

  private final RandomGenerator random = new RandomGenerator(new SecureRandom());

  @Test
  void defaultsToAlphanumericOfTheGivenLength() throws Exception {
    List<String> result = random.generate(List.of("32"));

    assertThat(result).hasSize(1);
    assertThat(result.get(0)).hasSize(32).matches("[A-Za-z0-9]{32}");
  }

  @Test
  void twoRunsDiffer() throws Exception {
    assertThat(random.generate(List.of("32"))).isNotEqualTo(random.generate(List.of("32")));
  }

  @Test
  void charsetMayBeARegularExpressionClass() throws Exception {
    assertThat(random.generate(List.of("200", "[a-f0-9]")).get(0)).matches("[a-f0-9]{200}");
    assertThat(random.generate(List.of("50", "[_A-Z]")).get(0)).matches("[_A-Z]{50}");
  }

  @Test
  void charsetMayBeAListOfCharacters() throws Exception {
    assertThat(random.generate(List.of("40", "xy")).get(0)).matches("[xy]{40}");
  }

  @Test
  void refusesALengthThatIsNotAPositiveNumber() {
    assertThatThrownBy(() -> random.generate(List.of("many")))
        .isInstanceOf(GeneratorException.class)
        .hasMessage("random: LENGTH must be a whole number from 1 to 4096, got 'many'");
    assertThatThrownBy(() -> random.generate(List.of("0")))
        .hasMessage("random: LENGTH must be a whole number from 1 to 4096, got '0'");
  }

  @Test
  void refusesWrongArgumentCounts() {
    assertThatThrownBy(() -> random.generate(List.of()))
        .hasMessage("random takes LENGTH [CHARSET] (e.g. [\"32\"] or [\"16\", \"[a-f0-9]\"]), got 0 arguments");
    assertThatThrownBy(() -> random.generate(List.of("1", "2", "3")))
        .hasMessageEndingWith("got 3 arguments");
  }

  @Test
  void refusesACharsetThatMatchesNothingOrIsNotAClass() {
    assertThatThrownBy(() -> random.generate(List.of("8", "[\u00e9]")))
        .hasMessage("random: CHARSET '[\u00e9]' matches no printable ASCII character");
    assertThatThrownBy(() -> random.generate(List.of("8", "[z-a]")))
        .hasMessageStartingWith("random: CHARSET '[z-a]' is not a valid character class: ");
  }
}
