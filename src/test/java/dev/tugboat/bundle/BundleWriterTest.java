package dev.tugboat.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.runtime.InMemoryImageArchive;
import dev.tugboat.runtime.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle is written whole or not at all: a failure leaves the directory as it was. */
class BundleWriterTest {

  @TempDir Path dir;

  @Test
  void anImageTheEngineCannotSaveLeavesNoPartialBundleAndTheOldOneUntouched() throws Exception {
    Path out = Files.writeString(dir.resolve("shop-2.tar"), "the bundle made yesterday");
    InMemoryImageArchive engine = new InMemoryImageArchive().with("shop/web:2", "web layers");
    Map<String, Long> images = new LinkedHashMap<>();
    images.put("shop/web:2", 10L);
    images.put("postgres:16", 10L);

    assertThatThrownBy(() -> new BundleWriter(engine, BundleFixtures.CLOCK, "1.4.0").write("shop",
        "2", "name: shop".getBytes(), images, out, TransferListener.NONE))
        .isInstanceOf(RuntimeFailure.class).hasMessageContaining("postgres:16");

    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(out);
    }
    assertThat(Files.readString(out)).isEqualTo("the bundle made yesterday");
  }

  @Test
  void theArchiveHoldsTheManifestFirstThenTheSpecThenOnePartPerImage() throws Exception {
    Path bundle = BundleFixtures.make(dir, BundleFixtures.engine());

    assertThat(BundleFixtures.entries(bundle)).extracting(BundleFixtures.Entry::name)
        .isEqualTo(List.of("manifest.json", "spec.yml", "images/01-shop_web_2.tar",
            "images/02-postgres_16.tar"));
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(bundle);
    }
  }
}
