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
  void aSecretOfFewerThanFourCharactersIsMaskedOnlyWhereItStandsApart() {
    SecretMasker masker = SecretMasker.of(List.of("x", "q7"));

    assertThat(masker.mask("app exited with code 2")).isEqualTo("app exited with code 2");
    assertThat(masker.mask("password=x; user x, pin 'q7' xx q77"))
        .isEqualTo("password=********; user ********, pin '********' xx q77");
    assertThat(masker.maskLines(List.of("x", "max", "x=1")))
        .containsExactly("********", "max", "********=1");
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

  /** A password with every character JSON escapes: a quote, a backslash, a newline, a tab, ö. */
  private static final String AWKWARD = "p\"w\\x\ny\tzö/9";

  @Test
  void masksTheJsonEscapedFormsOfASecretAsAppsWriteThemInLogsAndConfigFiles() {
    SecretMasker masker = SecretMasker.of(List.of(AWKWARD));

    // as Jackson, Go's encoding/json and most writers escape it
    assertThat(masker.mask("{\"password\":\"p\\\"w\\\\x\\ny\\tzö/9\"}"))
        .isEqualTo("{\"password\":\"********\"}");
    // non-ASCII as \\u escapes (Python's json.dumps, Jackson's ESCAPE_NON_ASCII), and \\/ (PHP)
    assertThat(masker.mask("pw=\"p\\\"w\\\\x\\ny\\tz\\u00f6/9\""))
        .isEqualTo("pw=\"********\"");
    assertThat(masker.mask("pw=\"p\\\"w\\\\x\\ny\\tz\\u00F6\\/9\""))
        .isEqualTo("pw=\"********\"");
    // a JSON document inside a JSON string, as a JSON log line of a JSON config file
    assertThat(masker.mask("{\"line\":\"{\\\"pw\\\":\\\"p\\\\\\\"w\\\\\\\\x\\\\ny\\\\tzö/9\\\"}\"}"))
        .isEqualTo("{\"line\":\"{\\\"pw\\\":\\\"********\\\"}\"}");
  }

  @Test
  void masksTheShellQuotedFormsOfASecret() {
    SecretMasker masker = SecretMasker.of(List.of("it's \"$HOME\" `x`\\"));

    // inside double quotes: \\ \" \$ \` escaped
    assertThat(masker.mask("PGPASSWORD=\"it's \\\"\\$HOME\\\" \\`x\\`\\\\\" psql"))
        .isEqualTo("PGPASSWORD=\"********\" psql");
    // inside single quotes: each ' closed, escaped and reopened, both ways
    assertThat(masker.mask("PGPASSWORD='it'\\''s \"$HOME\" `x`\\' psql"))
        .isEqualTo("PGPASSWORD='********' psql");
    assertThat(masker.mask("PGPASSWORD='it'\"'\"'s \"$HOME\" `x`\\' psql"))
        .isEqualTo("PGPASSWORD='********' psql");
    // printf %q and set -x: a backslash before every special character
    assertThat(masker.mask("+ PGPASSWORD=it\\'s\\ \\\"\\$HOME\\\"\\ \\`x\\`\\\\ psql"))
        .isEqualTo("+ PGPASSWORD=******** psql");
  }

  @Test
  void masksTheUrlEncodedFormOfASecretAsInAConnectionString() {
    SecretMasker masker = SecretMasker.of(List.of("p@ss/w rd"));

    assertThat(masker.mask("postgres://app:p%40ss%2Fw%20rd@db/x"))
        .isEqualTo("postgres://app:********@db/x");
    assertThat(masker.mask("password=p%40ss%2Fw+rd")).isEqualTo("password=********");
  }

  @Test
  void aPlainSecretHasOnlyItsOwnFormAndSizeCountsSecretsNotForms() {
    SecretMasker masker = SecretMasker.of(List.of("hunter2", AWKWARD));

    assertThat(masker.size()).isEqualTo(2);
    assertThat(masker.isSecret(AWKWARD)).isTrue();
    assertThat(masker.isSecret("p\\\"w")).isFalse();
  }

  @Test
  void anExcerptHidesTheSecretItsCutSplitAndOnlyAtACutEdge() {
    SecretMasker masker = SecretMasker.of(List.of("hunter2-secret"));

    assertThat(masker.maskExcerpt("log: pw=hunter2-se", false, true)).isEqualTo("log: pw=********");
    assertThat(masker.maskExcerpt("cret and more", true, false)).isEqualTo("******** and more");
    assertThat(masker.maskExcerpt("log: pw=hunter2-se", false, false))
        .as("not cut: nothing looks like a piece").isEqualTo("log: pw=hunter2-se");
    assertThat(masker.maskExcerpt("a whole hunter2-secret, then hunt", false, true))
        .isEqualTo("a whole ********, then ********");
    assertThat(masker.maskExcerpt("nothing of it", true, true)).isEqualTo("nothing of it");
  }

  @Test
  void aCutThatSplitsACharacterOrASecretWithAShorterOneInsideStillHidesIt() {
    SecretMasker masker = SecretMasker.of(List.of("pässwört-9", "wört"));
    // the UTF-8 bytes were cut inside the ö: the decoder gave U+FFFD
    assertThat(masker.maskExcerpt("x=päss\uFFFD", false, true)).isEqualTo("x=********");
    assertThat(masker.maskExcerpt("\uFFFDrt-9 and on", true, false)).isEqualTo("******** and on");
    // "wört" alone is a secret too: the longer one's beginning is found before it is masked
    assertThat(masker.maskExcerpt("x=pässwört", false, true)).isEqualTo("x=********");
  }
}
