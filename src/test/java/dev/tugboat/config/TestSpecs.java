package dev.tugboat.config;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.LoadedSpec;
import dev.tugboat.spec.SpecLoadException;
import dev.tugboat.spec.SpecLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Specs written inline for tests, and the fixed facts they render with. */
final class TestSpecs {

  static final HostAddresses HOST =
      new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of("eth0", "10.0.0.5"));
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

  private TestSpecs() {}

  /** A spec of a header, then {@code body} (YAML at top level). */
  static AppSpec load(String body) {
    String text = "replicated_api_version: 2.8.0\nname: Test App\nversion: \"1.2\"\n" + body;
    try {
      LoadedSpec loaded = new SpecLoader().load(text, "test.yml");
      return loaded.spec();
    } catch (SpecLoadException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static PreviewFacts facts(AppSpec spec) {
    return new PreviewFacts(spec, HOST, CLOCK);
  }
}
