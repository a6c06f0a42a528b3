package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets with line breaks, in text that reaches the masker one line at a time. */
class SecretMaskerLinesTest {

  private static final String KEY =
      "-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\nZw==\n-----END KEY-----";

  @Test
  void aKeySplitAcrossLogLinesIsMaskedOnEachLine() {
    SecretMasker masker = SecretMasker.of(List.of(KEY));

    assertThat(masker.maskLines(List.of("starting", "key: -----BEGIN KEY-----",
        "MIIBOgIBAAJBAKj34GkxFhD9", "Zw==", "-----END KEY----- loaded", "done")))
        .containsExactly("starting", "key: ********", "********", "********", "******** loaded",
            "done");
  }

  @Test
  void aKeyWithCrlfLineEndsIsMaskedInLinesThatKeptTheirCr() {
    SecretMasker masker = SecretMasker.of(List.of(KEY.replace("\n", "\r\n")));

    assertThat(masker.maskLines(List.of("key: -----BEGIN KEY-----\r",
        "MIIBOgIBAAJBAKj34GkxFhD9\r", "Zw==\r", "-----END KEY-----\r", "done\r")))
        .containsExactly("key: ********\r", "********\r", "********\r", "********\r", "done\r");
  }

  @Test
  void aSecretIsMaskedWholeWhetherItAndTheTextEndLinesInLfOrCrlf() {
    SecretMasker lf = SecretMasker.of(List.of("first line\nsecond line"));
    SecretMasker crlf = SecretMasker.of(List.of("first line\r\nsecond line"));

    assertThat(lf.mask("pw=first line\r\nsecond line;")).isEqualTo("pw=********;");
    assertThat(crlf.mask("pw=first line\nsecond line;")).isEqualTo("pw=********;");
    assertThat(lf.mask("{\"pw\":\"first line\\r\\nsecond line\"}"))
        .isEqualTo("{\"pw\":\"********\"}");
  }

  @Test
  void aShortLineOfASecretIsMaskedOnlyWhereTheLinesAroundItShowTheSecret() {
    SecretMasker masker = SecretMasker.of(List.of("abcdef\nok\nxyz123"));

    assertThat(masker.maskLines(List.of("ok", "abcdef", "ok", "xyz123", "ok")))
        .containsExactly("ok", "********", "********", "********", "ok");
    // alone, its long lines are still masked and its short one is left: it gives away 2 characters
    assertThat(masker.maskLines(List.of("ok", "got xyz123 back", "ok")))
        .containsExactly("ok", "got ******** back", "ok");
    assertThat(masker.mask("status: ok")).isEqualTo("status: ok");
  }

  @Test
  void aTailThatCutsASecretStillHidesTheShortLinesItShows() {
    SecretMasker masker = SecretMasker.of(List.of("abcdef\nok\nxyz123"));

    assertThat(masker.maskLines(List.of("ok", "xyz123", "next")))
        .containsExactly("********", "********", "next");
    assertThat(masker.maskLines(List.of("begin", "abcdef", "ok")))
        .containsExactly("begin", "********", "********");
  }

  @Test
  void blankLinesOfASecretLeaveBlankLinesInTheLogsAlone() {
    SecretMasker masker = SecretMasker.of(List.of("abcdef\n\nxyz123"));

    assertThat(masker.maskLines(List.of("", "abcdef", "", "xyz123", "")))
        .containsExactly("", "********", "", "********", "");
  }

  @Test
  void aLongLineOfASecretIsMaskedInASingleTextSuchAsAnEvent() {
    SecretMasker masker = SecretMasker.of(List.of(KEY));

    assertThat(masker.mask("event \"ready\" fired (log line \"MIIBOgIBAAJBAKj34GkxFhD9\")"))
        .isEqualTo("event \"ready\" fired (log line \"********\")");
  }

  @Test
  void aTextOfCrlfLinesSuchAsAdminOutputKeepsItsLineEnds() {
    SecretMasker masker = SecretMasker.of(List.of("abcdef\nok\nxyz123"));

    // whole, it is one mask
    assertThat(masker.mask("user: app\r\npw: abcdef\r\nok\r\nxyz123\r\nok\r\n"))
        .isEqualTo("user: app\r\npw: ********\r\nok\r\n");
    // cut by interleaved output, each line the secret shows is masked
    assertThat(masker.mask("ok\r\nxyz123\r\nerr: abcdef\r\nok\r\n"))
        .isEqualTo("********\r\n********\r\nerr: ********\r\n********\r\n");
  }

  @Test
  void aSecretQuotedIndentedInAMessageIsMaskedOnEachLine() {
    SecretMasker masker = SecretMasker.of(List.of("abcdef\nok\nxyz123"));

    assertThat(masker.mask("web failed; last output:\n    key abcdef\n    ok\n    xyz123\n    ok"))
        .isEqualTo("web failed; last output:\n    key ********\n    ********\n    ********\n    ok");
  }

  @Test
  void singleLineSecretsAreMaskedInLinesAsInText() {
    SecretMasker masker = SecretMasker.of(List.of("hunter2"));

    assertThat(masker.maskLines(List.of("pw hunter2", "ok"))).containsExactly("pw ********", "ok");
    assertThat(SecretMasker.none().maskLines(List.of("hunter2"))).containsExactly("hunter2");
  }
}
