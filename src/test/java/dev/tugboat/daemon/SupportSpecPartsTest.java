package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names a spec's support entries get in the bundle: inside the instance's directory. */
class SupportSpecPartsTest {

  @Test
  void aFilesPathIsResolvedAndNeverClimbsOut() {
    assertThat(SupportSpecParts.filePath("/var/log/app.log")).isEqualTo("var/log/app.log");
    assertThat(SupportSpecParts.filePath("/var/log/../secret")).isEqualTo("var/secret");
    assertThat(SupportSpecParts.filePath("/../../etc/./passwd")).isEqualTo("etc/passwd");
    assertThat(SupportSpecParts.filePath("/srv/my app/a:b.log")).isEqualTo("srv/my_app/a_b.log");
    assertThat(SupportSpecParts.filePath("/")).isEqualTo("_");
  }

  @Test
  void aCommandsOutputIsOneFileName() {
    assertThat(SupportSpecParts.fileName("ps.txt")).isEqualTo("ps.txt");
    assertThat(SupportSpecParts.fileName("../../ps.txt")).isEqualTo("__.._ps.txt");
    assertThat(SupportSpecParts.fileName("logs/app.txt")).isEqualTo("logs_app.txt");
    assertThat(SupportSpecParts.fileName("..")).isEqualTo("_");
    assertThat(SupportSpecParts.fileName("")).isEqualTo("_");
  }
}
