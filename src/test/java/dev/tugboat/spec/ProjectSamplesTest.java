package dev.tugboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The specs under {@code samples/} are what vendors copy from: each must validate without a problem. */
class ProjectSamplesTest {

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      List<Path> specs = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
      assertThat(specs).isNotEmpty();
      return specs.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void validatesWithoutProblems(Path sample) throws Exception {
    LoadedSpec loaded = new SpecLoader().load(sample);
    assertThat(loaded.problems()).isEmpty();
    assertThat(new SpecValidator().validate(loaded.spec())).isEmpty();
  }
}
