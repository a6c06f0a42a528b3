package dev.tugboat.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenseStoreTest {

  @TempDir Path state;

  @Test
  void noFileIsNoLicense() throws Exception {
    assertThat(new LicenseStore(state).read()).isEmpty();
  }

  @Test
  void anInstalledLicenseIsKeptAsGivenReadableOnlyByItsOwner() throws Exception {
    LicenseStore store = new LicenseStore(state);
    License installed = store.install(LicenseReaderTest.ACME, "acme.yml");
    Path file = state.resolve("license.yml");
    assertThat(Files.readString(file)).isEqualTo(LicenseReaderTest.ACME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(store.read()).contains(installed);
  }

  @Test
  void aMalformedLicenseChangesNothing() throws Exception {
    LicenseStore store = new LicenseStore(state);
    store.install(LicenseReaderTest.ACME, "acme.yml");
    assertThatThrownBy(() -> store.install("license_id: l2\n", "other.yml"))
        .hasMessage("the license other.yml is refused: 'app_id' is missing; every license"
            + " names it");
    assertThat(Files.readString(state.resolve("license.yml"))).isEqualTo(LicenseReaderTest.ACME);
    try (var files = Files.list(state)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("license.yml");
    }
  }

  @Test
  void aDamagedInstalledFileSaysToInstallAGoodOne() throws Exception {
    Files.writeString(state.resolve("license.yml"), "license_id: l1\n");
    assertThatThrownBy(() -> new LicenseStore(state).read())
        .hasMessage("the license " + state.resolve("license.yml") + " is refused: 'app_id' is"
            + " missing; every license names it; install a good one with tugboat license"
            + " install FILE");
  }
}
