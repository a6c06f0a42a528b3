package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.runtime.RegistryCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryLoginTest {

  private static final Path CONFIG = Path.of("/etc/tugboat/tugboat.yml");

  @TempDir Path dir;

  private static ImageRegistry registry(Optional<String> user, Optional<Path> passwordFile) {
    return new ImageRegistry("replicated", "https://registry.example.com:5000/vendor/", user,
        passwordFile, Optional.of(CONFIG));
  }

  private Optional<RegistryCredentials> loginWithFile(String text) throws Exception {
    Path file = Files.writeString(dir.resolve("password"), text);
    return RegistryLogin.of(registry(Optional.of("customer"), Optional.of(file)));
  }

  @Test
  void aRegistryWithoutUserPullsAnonymously() throws Exception {
    assertThat(RegistryLogin.of(registry(Optional.empty(), Optional.empty()))).isEmpty();
  }

  @Test
  void theLoginIsForTheRegistryHostWithThePasswordFromTheFile() throws Exception {
    assertThat(loginWithFile("s3cret")).contains(
        new RegistryCredentials("registry.example.com:5000", "customer", "s3cret"));
  }

  @Test
  void oneTrailingLineBreakIsCutAsDockerLoginPasswordStdinDoes() throws Exception {
    assertThat(loginWithFile("s3cret\n")).map(RegistryCredentials::password).contains("s3cret");
    assertThat(loginWithFile("s3cret\r\n")).map(RegistryCredentials::password).contains("s3cret");
    assertThat(loginWithFile("s3cret\n\n")).map(RegistryCredentials::password)
        .contains("s3cret\n");
    assertThat(loginWithFile(" s3cret ")).map(RegistryCredentials::password)
        .contains(" s3cret ");
  }

  @Test
  void aMissingPasswordFileIsAnErrorNamingTheFileAndWhereItIsSet() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> RegistryLogin.of(registry(Optional.of("customer"),
        Optional.of(missing))))
        .isInstanceOf(RegistryLogin.LoginException.class)
        .hasMessage("the password_file " + missing + " of registry replicated"
            + " (registry.example.com:5000/vendor) does not exist: write the registry password"
            + " into it (mode 0600), or check `password_file` of registries.replicated in "
            + CONFIG);
  }

  @Test
  void anUnreadablePasswordFileIsAnErrorNamingTheFile() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("folder"));
    assertThatThrownBy(() -> RegistryLogin.of(registry(Optional.of("customer"),
        Optional.of(folder))))
        .hasMessageStartingWith("the password_file " + folder + " of registry replicated"
            + " (registry.example.com:5000/vendor) cannot be read (")
        .hasMessageEndingWith("): check `password_file` of registries.replicated in " + CONFIG);
  }

  @Test
  void anEmptyPasswordIsAnError() {
    assertThatThrownBy(() -> loginWithFile("\n"))
        .hasMessageStartingWith("the password_file " + dir.resolve("password")
            + " of registry replicated (registry.example.com:5000/vendor) is empty");
  }

  @Test
  void aUserWithoutPasswordFileSaysBothAreNeeded() {
    assertThatThrownBy(() -> RegistryLogin.of(registry(Optional.of("customer"), Optional.empty())))
        .hasMessage("registry replicated (registry.example.com:5000/vendor) has a user but no"
            + " password_file: check `user` and `password_file` of registries.replicated in "
            + CONFIG + " (both, or neither for anonymous pulls)");
  }

  @Test
  void theLoginNeverShowsThePassword() throws Exception {
    assertThat(loginWithFile("s3cret").orElseThrow().toString()).doesNotContain("s3cret");
    assertThat(registry(Optional.of("customer"), Optional.of(dir.resolve("password"))).toString())
        .doesNotContain("s3cret");
  }
}
