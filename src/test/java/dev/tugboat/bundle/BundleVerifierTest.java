package dev.tugboat.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.runtime.InMemoryImageArchive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle is refused, with the part named, when anything in it differs from what was made: and a
 * refusal comes before any image is loaded.
 */
class BundleVerifierTest {

  @TempDir Path dir;
  private final InMemoryImageArchive engine = BundleFixtures.engine();
  private final BundleVerifier verifier = new BundleVerifier("1.4.0");
  private Path bundle;

  @BeforeEach
  void make() throws Exception {
    bundle = BundleFixtures.make(dir, engine);
  }

  @Test
  void aBundleAsMadeIsVerifiedAndItsImagesLoadUnderTheirNames() throws Exception {
    VerifiedBundle verified = verifier.verify(bundle, Optional.of("shop"),
        TransferListener.NONE);

    assertThat(verified.label()).isEqualTo("shop 2");
    assertThat(new String(verified.spec(), StandardCharsets.UTF_8)).isEqualTo(BundleFixtures.SPEC);
    assertThat(verified.manifest().imageReferences()).containsExactly("shop/web:2", "postgres:16");

    InMemoryImageArchive host = new InMemoryImageArchive();
    List<String> loaded = new BundleLoader(host).load(verified, TransferListener.NONE);
    assertThat(loaded).containsExactly("shop/web:2", "postgres:16");
    assertThat(host.loads()).containsExactly("shop/web:2", "postgres:16");
  }

  @Test
  void aTruncatedBundleIsRefusedNamingThePartThatEndsEarly() throws Exception {
    byte[] bytes = Files.readAllBytes(bundle);
    Path cut = dir.resolve("cut.tar");
    int imageStart = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("db layers");
    Files.write(cut, Arrays.copyOf(bytes, imageStart + 100));

    assertThatThrownBy(() -> verifier.verify(cut, Optional.empty(), TransferListener.NONE))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("part images/02-postgres_16.tar ends early: the bundle is truncated");
  }

  @Test
  void aBundleCutBetweenPartsIsRefusedNamingTheMissingPart() throws Exception {
    Path cut = BundleFixtures.rewrite(bundle, entries -> entries.subList(0, 3));

    assertThatThrownBy(() -> verifier.verify(cut, Optional.empty(), TransferListener.NONE))
        .hasMessageStartingWith("part images/02-postgres_16.tar is missing: the bundle is"
            + " truncated or incomplete");
  }

  @Test
  void oneByteChangedInAnImageIsRefusedNamingThatImagesPart() throws Exception {
    Path tampered = BundleFixtures.flipByteOf(bundle, "web layers");

    assertThatThrownBy(() -> verifier.verify(tampered, Optional.empty(), TransferListener.NONE))
        .hasMessageStartingWith("part images/01-shop_web_2.tar does not match its SHA-256 in"
            + " manifest.json")
        .hasMessageContaining("changed or damaged after it was made");
  }

  @Test
  void oneByteChangedInTheSpecIsRefusedNamingTheSpec() throws Exception {
    Path tampered = BundleFixtures.flipByteOf(bundle, "name: shop");

    assertThatThrownBy(() -> verifier.verify(tampered, Optional.empty(), TransferListener.NONE))
        .hasMessageStartingWith("part spec.yml does not match its SHA-256 in manifest.json");
  }

  @Test
  void aPartTheManifestDoesNotListIsRefused() throws Exception {
    Path extra = BundleFixtures.rewrite(bundle, entries -> {
      entries.add(new BundleFixtures.Entry("images/03-extra.tar", "x".getBytes()));
      return entries;
    });

    assertThatThrownBy(() -> verifier.verify(extra, Optional.empty(), TransferListener.NONE))
        .hasMessageStartingWith("part images/03-extra.tar is not in manifest.json: refused");
  }

  @Test
  void aPartWhosePathLeavesTheBundleIsRefusedBeforeItIsRead() throws Exception {
    Path escaping = BundleFixtures.rewrite(bundle, entries -> {
      entries.add(1, new BundleFixtures.Entry("../../etc/cron.d/evil", "x".getBytes()));
      return entries;
    });

    assertThatThrownBy(() -> verifier.verify(escaping, Optional.empty(), TransferListener.NONE))
        .hasMessageStartingWith("part '../../etc/cron.d/evil' has a path outside the bundle");
  }

  @Test
  void aManifestListingAPathOutsideTheBundleIsRefused() throws Exception {
    Path escaping = BundleFixtures.rewrite(bundle, entries -> {
      String json = new String(entries.get(0).bytes(), StandardCharsets.UTF_8)
          .replace("\"spec.yml\"", "\"/etc/passwd\"");
      entries.set(0, new BundleFixtures.Entry("manifest.json", json.getBytes()));
      return entries;
    });

    assertThatThrownBy(() -> verifier.verify(escaping, Optional.empty(), TransferListener.NONE))
        .hasMessageStartingWith("manifest.json lists part '/etc/passwd', a path outside the"
            + " bundle");
  }

  @Test
  void aBundleOfAnotherAppIsRefusedBeforeItsPartsAreRead() {
    assertThatThrownBy(() -> verifier.verify(bundle, Optional.of("billing"),
        TransferListener.NONE))
        .hasMessage("the bundle carries app 'shop' 2, but this daemon runs app 'billing':"
            + " refused; use the bundle the vendor made for billing");
  }

  @Test
  void aFormatThisTugboatDoesNotKnowIsRefusedNamingBothVersions() throws Exception {
    Path newer = BundleFixtures.rewrite(bundle, entries -> {
      String json = new String(entries.get(0).bytes(), StandardCharsets.UTF_8)
          .replace("\"format\" : 1", "\"format\" : 2");
      entries.set(0, new BundleFixtures.Entry("manifest.json", json.getBytes()));
      return entries;
    });

    assertThatThrownBy(() -> verifier.verify(newer, Optional.empty(), TransferListener.NONE))
        .hasMessage("manifest.json is format 2 (made by Tugboat 1.4.0); this Tugboat (1.4.0)"
            + " reads format 1: load it with a Tugboat at least as new as the one that made it");
  }

  @Test
  void aTarWithoutAManifestFirstIsNotABundle() throws Exception {
    Path other = BundleFixtures.rewrite(bundle, entries -> entries.subList(1, entries.size()));

    assertThatThrownBy(() -> verifier.verify(other, Optional.empty(), TransferListener.NONE))
        .hasMessage("this is not a Tugboat bundle: its first part must be manifest.json, not"
            + " 'spec.yml'");
  }

  @Test
  void verificationReportsProgressOfEachPart() throws Exception {
    List<String> steps = new java.util.ArrayList<>();
    verifier.verify(bundle, Optional.empty(), (step, done, total) -> {
      if (done == total) {
        steps.add(step);
      }
    });

    assertThat(steps).containsExactly("verify spec.yml", "verify images/01-shop_web_2.tar",
        "verify images/02-postgres_16.tar");
  }

  @Test
  void aPartThatIsASymlinkIsRefusedThoughItsBytesMatch() throws Exception {
    Path linked = BundleFixtures.withLinkAt(bundle, "images/01-shop_web_2.tar",
        TarConstants.LF_SYMLINK, "/var/lib/docker/image");

    assertThatThrownBy(() -> verifier.verify(linked, Optional.empty(), TransferListener.NONE))
        .isInstanceOf(BundleException.class)
        .hasMessage("part images/01-shop_web_2.tar is not a plain file (a link, device,"
            + " directory or sparse file): refused");
  }

  @Test
  void aPartThatIsAHardLinkIsRefusedThoughItsBytesMatch() throws Exception {
    Path linked = BundleFixtures.withLinkAt(bundle, "spec.yml", TarConstants.LF_LINK,
        "images/01-shop_web_2.tar");

    assertThatThrownBy(() -> verifier.verify(linked, Optional.empty(), TransferListener.NONE))
        .isInstanceOf(BundleException.class)
        .hasMessage("part spec.yml is not a plain file (a link, device, directory or sparse"
            + " file): refused");
  }

  @Test
  void anImageArchiveTaggingAnotherImageThanItsPartDeclaresIsRefused() throws Exception {
    Path rewritten = BundleFixtures.withPart(bundle, "images/02-postgres_16.tar",
        List.of("postgres:16"), InMemoryImageArchive.archive(List.of("registry.example.com/ssh:1"),
            "db layers".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> verifier.verify(rewritten, Optional.empty(), TransferListener.NONE))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith("part images/02-postgres_16.tar would tag image"
            + " 'registry.example.com/ssh:1', which manifest.json does not list for it");
  }

  @Test
  void anImageArchiveTaggingOneMoreImageThanDeclaredIsRefused() throws Exception {
    Path rewritten = BundleFixtures.withPart(bundle, "images/02-postgres_16.tar",
        List.of("postgres:16"), InMemoryImageArchive.archive(List.of("postgres:16", "nginx:1"),
            "db layers".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> verifier.verify(rewritten, Optional.empty(), TransferListener.NONE))
        .hasMessageStartingWith("part images/02-postgres_16.tar would tag image 'nginx:1'");
  }

  @Test
  void anImageArchiveTaggingNothingIsRefused() throws Exception {
    Path rewritten = BundleFixtures.withPart(bundle, "images/02-postgres_16.tar",
        List.of("postgres:16"), InMemoryImageArchive.archive(List.of(),
            "db layers".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> verifier.verify(rewritten, Optional.empty(), TransferListener.NONE))
        .hasMessageStartingWith("part images/02-postgres_16.tar does not tag image"
            + " 'postgres:16', as manifest.json says it does (it tags nothing)");
  }

  @Test
  void anImagePartThatIsNoDockerSaveArchiveIsRefused() throws Exception {
    Path rewritten = BundleFixtures.withPart(bundle, "images/02-postgres_16.tar",
        List.of("postgres:16"), InMemoryImageArchive.tar(java.util.Map.of("layer.tar",
            "db layers".getBytes(StandardCharsets.UTF_8))));

    assertThatThrownBy(() -> verifier.verify(rewritten, Optional.empty(), TransferListener.NONE))
        .hasMessage("part images/02-postgres_16.tar is not an image archive as docker save"
            + " writes it: it has no manifest.json; refused");
  }

  @Test
  void anImageTheSpecDoesNotRunIsRefusedThoughItsPartIsConsistent() throws Exception {
    Path rewritten = BundleFixtures.withPart(bundle, "images/02-postgres_16.tar",
        List.of("busybox:latest"), InMemoryImageArchive.archive(List.of("busybox:latest"),
            "db layers".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> verifier.verify(rewritten, Optional.empty(), TransferListener.NONE))
        .hasMessage("part images/02-postgres_16.tar carries image 'busybox:latest', which no"
            + " container of the bundle's spec runs: refused (a bundle brings only its app's"
            + " images)");
  }

  @Test
  void namesAreComparedAsTheEngineSpellsThem() throws Exception {
    Path rewritten = BundleFixtures.withPart(bundle, "images/02-postgres_16.tar",
        List.of("postgres:16"), InMemoryImageArchive.archive(List.of("docker.io/library/postgres:16"),
            "db layers".getBytes(StandardCharsets.UTF_8)));

    assertThat(verifier.verify(rewritten, Optional.of("shop"), TransferListener.NONE).label())
        .isEqualTo("shop 2");
  }

  @Test
  void anImageTheEngineLoadsByIdOnlyIsReported() throws Exception {
    VerifiedBundle verified = verifier.verify(bundle, Optional.empty(), TransferListener.NONE);
    InMemoryImageArchive host = new InMemoryImageArchive();
    dev.tugboat.runtime.ImageArchive idOnly = new dev.tugboat.runtime.ImageArchive() {
      @Override
      public java.util.OptionalLong size(String image) {
        return host.size(image);
      }

      @Override
      public void save(String image, java.io.OutputStream out,
          dev.tugboat.runtime.ByteProgress progress) {
        host.save(image, out, progress);
      }

      @Override
      public List<String> load(java.io.InputStream in, long size,
          dev.tugboat.runtime.ByteProgress progress) {
        host.load(in, size, progress);
        return List.of("Loaded image ID: sha256:0123abcd");
      }
    };

    assertThatThrownBy(() -> new BundleLoader(idOnly).load(verified, TransferListener.NONE))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith("part images/01-shop_web_2.tar was loaded, but the engine did not"
            + " tag it as shop/web:2 (it said: Loaded image ID: sha256:0123abcd)");
  }
}
