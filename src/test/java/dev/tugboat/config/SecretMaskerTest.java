package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

  @Test
  void masksEveryOccurrenceOfEverySecret() {
    SecretMasker masker = SecretMasker.of(List.of("s3cret", "hunter2"));

    assertThat(masker.mask("postgres://app:s3cret@db/x and s3cret again, hunter2"))
        .isEqualTo("postgres://app:********@db/x and ******** again, ********");
  }

  @Test
  void masksTheLongerSecretWholeWhenOneContainsAnother() {
    SecretMasker masker = SecretMasker.of(List.of("abc", "abcdef"));

    assertThat(masker.mask("key=abcdef")).isEqualTo("key=********");
  }

  @Test
  void ignoresEmptyAndBlankValuesWhichWouldMaskEverything() {
    SecretMasker masker = SecretMasker.of(java.util.Arrays.asList("", "  ", null));

    assertThat(masker.size()).isZero();
    assertThat(masker.mask("plain text")).isEqualTo("plain text");
  }

  @Test
  void noneMasksNothingAndNullStaysNull() {
    assertThat(SecretMasker.none().mask("s3cret")).isEqualTo("s3cret");
    assertThat(SecretMasker.of(List.of("x1")).mask(null)).isNull();
  }

  @Test
  void withAddsSecretsWithoutChangingTheOriginal() {
    SecretMasker base = SecretMasker.of(List.of("one1"));
    SecretMasker more = base.with(List.of("two2"));

    assertThat(more.mask("one1 two2")).isEqualTo("******** ********");
    assertThat(base.mask("one1 two2")).isEqualTo("******** two2");
    assertThat(more.isSecret("two2")).isTrue();
    assertThat(more.isSecret("three")).isFalse();
  }
}
