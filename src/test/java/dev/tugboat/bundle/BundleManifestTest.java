package dev.tugboat.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest, a saved format: what it says and what a reader refuses. */
class BundleManifestTest {

  @TempDir Path dir;

  private static final String SHA = "a".repeat(64);

  @Test
  void aManifestReadsBackAsItWasWritten() throws Exception {
    BundleManifest manifest = new BundleManifest(1, "shop", "2", "1.4.0",
        Instant.parse("2026-12-01T10:00:00Z"), List.of(
            new BundlePart("spec.yml", PartKind.SPEC, List.of(), 120, SHA),
            new BundlePart("images/01-shop_web_2.tar", PartKind.IMAGE, List.of("shop/web:2"),
                4096, SHA)));

    String json = new String(manifest.toJson(), StandardCharsets.UTF_8);

    assertThat(json).contains("\"format\" : 1", "\"app\" : \"shop\"",
        "\"tugboat_version\" : \"1.4.0\"", "\"created\" : \"2026-12-01T10:00:00Z\"",
        "\"kind\" : \"image\"", "\"images\" : [ \"shop/web:2\" ]", "\"size\" : 4096");
    assertThat(BundleManifest.parse(manifest.toJson(), "1.4.0")).isEqualTo(manifest);
  }

  @Test
  void theWriterRecordsEachPartsSizeAndDigest() throws Exception {
    BundleManifest manifest = BundleVerifierTestAccess.manifestOf(
        BundleFixtures.make(dir, BundleFixtures.engine()));

    assertThat(manifest.app()).isEqualTo("shop");
    assertThat(manifest.version()).isEqualTo("2");
    assertThat(manifest.tugboatVersion()).isEqualTo("1.4.0");
    assertThat(manifest.created()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(manifest.parts()).extracting(BundlePart::path).containsExactly("spec.yml",
        "images/01-shop_web_2.tar", "images/02-postgres_16.tar");
    assertThat(manifest.spec().size()).isEqualTo(BundleFixtures.SPEC.length());
    assertThat(manifest.spec().sha256()).isEqualTo(
        "%064x".formatted(new java.math.BigInteger(1, java.security.MessageDigest
            .getInstance("SHA-256").digest(BundleFixtures.SPEC.getBytes()))));
  }

  @Test
  void aSpecPartLargerThanASpecCanBeIsRefusedBeforeItIsRead() {
    String json = "{\"format\":1,\"app\":\"a\",\"version\":\"1\",\"tugboat_version\":\"x\","
        + "\"created\":\"2026-12-01T10:00:00Z\",\"parts\":[{\"path\":\"spec.yml\","
        + "\"kind\":\"spec\",\"size\":8589934592,\"sha256\":\"" + SHA + "\"}]}";

    assertThatThrownBy(() -> BundleManifest.parse(json.getBytes(), "1.4.0"))
        .hasMessage("manifest.json lists the spec spec.yml at 8589934592 bytes; a spec is at most"
            + " 1048576 bytes: refused before it is read");
  }

  @Test
  void aManifestWithoutExactlyOneSpecIsRefused() {
    String json = "{\"format\":1,\"app\":\"a\",\"version\":\"1\",\"tugboat_version\":\"x\","
        + "\"created\":\"2026-12-01T10:00:00Z\",\"parts\":[]}";

    assertThatThrownBy(() -> BundleManifest.parse(json.getBytes(), "1.4.0"))
        .hasMessage("manifest.json must list exactly one part of kind 'spec'");
  }

  @Test
  void aPartWithoutADigestIsRefused() {
    String json = "{\"format\":1,\"app\":\"a\",\"version\":\"1\",\"tugboat_version\":\"x\","
        + "\"created\":\"2026-12-01T10:00:00Z\",\"parts\":[{\"path\":\"spec.yml\","
        + "\"kind\":\"spec\",\"size\":3,\"sha256\":\"abc\"}]}";

    assertThatThrownBy(() -> BundleManifest.parse(json.getBytes(), "1.4.0"))
        .hasMessage("manifest.json part spec.yml has no SHA-256 (64 lower-case hex digits)");
  }

  @Test
  void somethingElseIsNotABundle() {
    assertThatThrownBy(() -> BundleManifest.parse("{\"name\":\"x\"}".getBytes(), "1.4.0"))
        .hasMessage("manifest.json has no format version ('format'): this is not a Tugboat"
            + " bundle");
  }
}
