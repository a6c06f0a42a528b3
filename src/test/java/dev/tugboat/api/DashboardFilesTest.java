package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files as shipped in the jar: self-contained (nothing from another origin, so it
 * works on a server without internet access), and no script builds markup from text.
 */
class DashboardFilesTest {

  private static final String FOLDER = "/dev/tugboat/api/dashboard/";
  private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

  @Test
  void thePageLoadsOnlyItsOwnFilesAndEveryFileIsLoaded() throws Exception {
    String index = read("index.html");
    List<String> references = REFERENCE.matcher(index).results().map(m -> m.group(1))
        .filter(r -> !r.startsWith("data:")).toList();

    assertThat(references).isNotEmpty().allMatch(r -> r.startsWith("/dashboard/"));
    for (String reference : references) {
      assertThat(DashboardFilesTest.class.getResource(FOLDER + reference.substring(11)))
          .as(reference).isNotNull();
    }
    assertThat(files()).allMatch(name -> name.equals("index.html")
        || references.contains("/dashboard/" + name));
  }

  @Test
  void noFileReachesAnotherOrigin() throws Exception {
    for (String name : files()) {
      assertThat(read(name)).as(name).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/")
          .doesNotContain("@import").doesNotContain("url(http");
    }
  }

  @Test
  void scriptsPutDataIntoThePageAsTextOnly() throws Exception {
    for (String name : files().stream().filter(n -> n.endsWith(".js")).toList()) {
      String script = read(name);
      assertThat(script).as(name).doesNotContain("innerHTML").doesNotContain("outerHTML")
          .doesNotContain("insertAdjacentHTML").doesNotContain("document.write")
          .doesNotContain("eval(").doesNotContain("new Function");
      Matcher strict = Pattern.compile("^'use strict';", Pattern.MULTILINE).matcher(script);
      assertThat(strict.find()).as(name + " is strict").isTrue();
    }
  }

  private static List<String> files() throws IOException, URISyntaxException {
    Path folder = Path.of(DashboardFilesTest.class.getResource(FOLDER).toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static String read(String name) throws IOException {
    try (InputStream in = DashboardFilesTest.class.getResourceAsStream(FOLDER + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
