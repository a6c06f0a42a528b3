package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.spec.AppSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigAssignmentsTest {

  private static final AppSpec SPEC = TestSpecs.load("""
      config:
      - name: g
        items:
        - {name: hostname, type: text}
        - {name: cert, type: file}
      """);

  @TempDir Path dir;

  @Test
  void parsesValuesAndReadsFileItemsFromPaths() throws Exception {
    Path pem = Files.writeString(dir.resolve("server.pem"), "PEM\n");

    var changes = ConfigAssignments.parse(ConfigScreen.of(SPEC),
        List.of("hostname=a=b", "cert=@" + pem));

    assertThat(changes).containsExactly(
        java.util.Map.entry("hostname", StoredValue.of("a=b")),
        java.util.Map.entry("cert", StoredValue.file("server.pem", "PEM\n")));
  }

  @Test
  void anAtSignIsLiteralForItemsThatAreNotFiles() throws Exception {
    assertThat(ConfigAssignments.parse(ConfigScreen.of(SPEC), List.of("hostname=@home")))
        .containsEntry("hostname", StoredValue.of("@home"));
  }

  @Test
  void aFileThatIsNotTextIsRefused() throws Exception {
    Path binary = Files.write(dir.resolve("key.der"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});

    assertThatThrownBy(() -> ConfigAssignments.parse(ConfigScreen.of(SPEC), List.of("cert=@" + binary)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config item 'cert': " + binary
            + " is not UTF-8 text; file items hold text such as PEM certificates and keys");
  }

  @Test
  void applyLeavesSettingsAloneWithoutAssignments() throws Exception {
    Settings settings = Settings.empty().with("hostname", StoredValue.of("x"));

    assertThat(ConfigAssignments.apply(SPEC, settings, List.of())).isSameAs(settings);
    assertThat(ConfigAssignments.apply(SPEC, settings, List.of("hostname=y")).get("hostname"))
        .contains(StoredValue.of("y"));
  }
}
