package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageRegistriesTest {

  private static final Path CONFIG = Path.of("/etc/tugboat/tugboat.yml");
  private static final ImageRegistry VENDOR = new ImageRegistry("replicated",
      "registry.example.com", Optional.of("customer"), Optional.of(Path.of("/etc/tugboat/pw")),
      Optional.of(CONFIG));
  private static final ImageRegistry QUAY = new ImageRegistry("quay", "https://quay.io/acme/",
      Optional.empty(), Optional.empty(), Optional.of(CONFIG));
  private final ImageRegistries registries =
      new ImageRegistries(Map.of("replicated", VENDOR, "quay", QUAY));

  @Test
  void aSourceMapsToTheRegistryConfiguredUnderItsName() {
    assertThat(registries.forSource("replicated")).contains(VENDOR);
    assertThat(registries.forSource("quay")).contains(QUAY);
  }

  @Test
  void publicAndUnconfiguredSourcesHaveNoRegistry() {
    assertThat(registries.forSource("public")).isEmpty();
    assertThat(registries.forSource("")).isEmpty();
    assertThat(registries.forSource("elsewhere")).isEmpty();
    assertThat(new ImageRegistries(Map.of("public", QUAY)).forSource("public")).isEmpty();
  }

  @Test
  void anOptionReplacesTheConfiguredRegistryOfItsSourceWithoutLogin() {
    ImageRegistries replaced = registries.with(ImageRegistry.fromOption("replicated",
        "localhost:5000"));
    assertThat(replaced.forSource("replicated").orElseThrow().user()).isEmpty();
    assertThat(replaced.addresses()).containsEntry("replicated", "localhost:5000")
        .containsEntry("quay", "https://quay.io/acme/");
  }

  @Test
  void theLoginIsForTheHostAndImagesStartWithThePrefix() {
    assertThat(QUAY.prefix()).isEqualTo("quay.io/acme");
    assertThat(QUAY.host()).isEqualTo("quay.io");
    assertThat(QUAY.label()).isEqualTo("registry quay (quay.io/acme)");
    assertThat(VENDOR.check("`user`"))
        .isEqualTo("check `user` of registries.replicated in /etc/tugboat/tugboat.yml");
  }
}
