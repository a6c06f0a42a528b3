package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.APP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.runtime.RegistryCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePullTest {

  private static final String IMAGE = "registry.example.com:5000/vendor/app:1";
  private static final PreflightNeeds.ImageNeed NEED =
      new PreflightNeeds.ImageNeed(IMAGE, List.of(APP), "replicated");

  @TempDir Path dir;
  private final InMemoryRuntime runtime = new InMemoryRuntime(new ManualClock());
  private Path passwordFile;
  private Path config;

  @BeforeEach
  void passwordInAFile() throws Exception {
    passwordFile = Files.writeString(dir.resolve("registry-password"), "s3cret\n");
    config = dir.resolve("tugboat.yml");
    runtime.addRegistryImage(IMAGE,
        new RegistryCredentials("registry.example.com:5000", "customer", "s3cret"));
  }

  private ImagePull pull(Path password) {
    return new ImagePull(runtime, new ImageRegistries(Map.of("replicated", new ImageRegistry(
        "replicated", "registry.example.com:5000/vendor", Optional.of("customer"),
        Optional.of(password), Optional.of(config)))));
  }

  @Test
  void anImageOfARegistrySourceIsPulledWithTheRegistrysLogin() {
    assertThat(pull(passwordFile).problem(NEED)).isEmpty();

    assertThat(runtime.history()).containsExactly(
        "pull " + IMAGE + " as customer@registry.example.com:5000");
    assertThat(runtime.imagePresent(IMAGE)).isTrue();
  }

  @Test
  void anImageThatIsHereIsUsedWithoutPullingOrReadingThePassword() {
    runtime.addImage(new dev.tugboat.runtime.ImageInfo("sha256:1", IMAGE, List.of(), List.of(),
        List.of(), false));

    assertThat(pull(dir.resolve("missing")).problem(NEED)).isEmpty();
    assertThat(runtime.history()).isEmpty();
  }

  @Test
  void aWrongPasswordNamesTheRegistryTheImageAndWhatToCheck() throws Exception {
    Files.writeString(passwordFile, "wrong-pass\n");

    assertThat(pull(passwordFile).problem(NEED)).contains(IMAGE + " (for python-app/pythonapp):"
        + " registry replicated (registry.example.com:5000/vendor) refused user \"customer\": the"
        + " registry refused the pull of " + IMAGE + ": unauthorized: authentication required;"
        + " check `user` and `password_file` of registries.replicated in " + config);
  }

  @Test
  void aMissingPasswordFileIsNamedAndNothingIsPulled() {
    Path missing = dir.resolve("missing");

    assertThat(pull(missing).problem(NEED)).contains(IMAGE + " (for python-app/pythonapp): is not"
        + " on this host and cannot be pulled: the password_file " + missing + " of registry"
        + " replicated (registry.example.com:5000/vendor) does not exist: write the registry"
        + " password into it (mode 0600), or check `password_file` of registries.replicated in "
        + config);
    assertThat(runtime.history()).isEmpty();
  }

  @Test
  void aPublicImageIsPulledWithoutLogin() {
    runtime.removeImage("postgres:15");

    assertThat(pull(passwordFile).problem(new PreflightNeeds.ImageNeed("postgres:15",
        List.of(APP), "public"))).hasValueSatisfying(problem -> assertThat(problem)
        .startsWith("postgres:15 (for python-app/pythonapp): is not on this host and could not be"
            + " pulled: load it with `docker load -i FILE`"));
    assertThat(runtime.history()).containsExactly("pull postgres:15");
  }
}
