package dev.tugboat.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SpecLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which images a bundle carries: every container's, in every `when` branch, each once. */
class SpecImagesTest {

  private static SpecImages.Found of(String yaml) throws Exception {
    return SpecImages.of(new SpecLoader().load(yaml.getBytes(StandardCharsets.UTF_8), "shop.yml")
        .spec());
  }

  @Test
  void everyBranchOfWhenIsBundledAndAnImageRunTwiceOnce() throws Exception {
    SpecImages.Found found = of("""
        replicated_api_version: 2.8.0
        name: shop
        version: "2"
        components:
        - name: web
          containers:
          - source: public
            image_name: shop/web
            version: "2"
          - source: public
            image_name: shop/web-lite
            version: "2"
            when: '{{repl ConfigOptionEquals "size" "small"}}'
        - name: jobs
          containers:
          - source: public
            image_name: shop/web
            version: "2"
            name: worker
        """);

    assertThat(found.problems()).isEmpty();
    assertThat(found.images()).extracting(SpecImages.SpecImage::image)
        .containsExactly("shop/web:2", "shop/web-lite:2");
    assertThat(found.images().get(0).containers()).containsExactly("web/shop/web",
        "jobs/shop/web");
    assertThat(found.images().get(0).position().line()).isEqualTo(8);
  }

  @Test
  void anImageWithATemplateIsRefusedWhereItIsWritten() throws Exception {
    SpecImages.Found found = of("""
        replicated_api_version: 2.8.0
        name: shop
        version: "2"
        components:
        - name: web
          containers:
          - source: public
            image_name: shop/web
            version: '{{repl ConfigOption "web_version"}}'
        """);

    assertThat(found.images()).isEmpty();
    assertThat(found.problems()).extracting(Problem::toText).containsExactly(
        "shop.yml:9:14: error [bundle-image-template] container web/shop/web: image"
            + " 'shop/web:{{repl ConfigOption \"web_version\"}}' holds a template, so which"
            + " image the host runs is only known there: a bundle carries fixed images; write"
            + " image_name and version without templates to bundle this spec");
  }
}
