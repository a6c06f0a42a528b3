package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.app.RunInputs;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.config.SpecPreview;
import dev.tugboat.config.SpecTemplateSet;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.LoadedSpec;
import dev.tugboat.spec.SpecLoader;
import dev.tugboat.template.ParsedTemplates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tugboat render} and a run agree on every sample of the project: the same containers kept
 * (a {@code when} read by one rule), the same env vars, ports, volumes and files, rendered to the
 * same values. Both render with the same config values and the same placeholder facts for what
 * only a running container knows; the run's side goes through its own path (plan, launcher,
 * mappers) from the templates parsed when the spec loaded, and never parses again.
 */
class RenderAndRunAgreeTest {

  @TempDir Path dir;

  private static final HostAddresses HOST =
      new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of());

  static Stream<Arguments> samples() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      for (Path sample : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
        cases.add(Arguments.of(sample, List.of()));
      }
    }
    Path twoTier = Path.of("samples/two-tier-web.yml");
    cases.add(Arguments.of(twoTier, List.of("cache_enabled=0")));
    cases.add(Arguments.of(twoTier, List.of("tls_mode=on")));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("samples")
  void renderAndRunKeepAndRenderTheSame(Path sample, List<String> sets) throws Exception {
    LoadedSpec loaded = new SpecLoader().load(sample);
    AppSpec spec = loaded.spec();
    ParsedTemplates templates = SpecTemplateSet.parse(spec, loaded.text());
    AtomicInteger parsedAgain = new AtomicInteger();
    RunInputs.Prepared prepared = RunInputs.of(spec, templates, sample,
        dir.resolve("settings.json"), sets, HOST, Map.of(), Clock.systemUTC());
    SpecInputs in = new SpecInputs(spec, SpecTemplates.parsedAtLoad(templates, (raw, path) -> {
      parsedAgain.incrementAndGet();
      return dev.tugboat.template.Template.parse(raw, path);
    }), prepared.inputs().base(), HOST, Map.of(), "hash", Clock.systemUTC());

    SpecPreview.Result rendered = SpecPreview.render(loaded.text(), prepared.values(),
        prepared.inputs().base(), true);
    assertThat(rendered.errors()).isEmpty();

    assertThat(run(in)).isEqualTo(render(rendered.tree()));
    assertThat(parsedAgain).as("templates parsed again by the run").hasValue(0);
  }

  @org.junit.jupiter.api.Test
  void aWhenThatIsNotGosBooleanIsTheSameErrorInRenderAndRun() throws Exception {
    Path file = Files.writeString(dir.resolve("app.yml"), """
        replicated_api_version: 2.8.0
        name: yes-app
        components:
        - name: app
          containers:
          - source: public
            image_name: web
            version: "1"
            when: "yes"
        """);
    LoadedSpec loaded = new SpecLoader().load(file);
    ParsedTemplates templates = SpecTemplateSet.parse(loaded.spec(), loaded.text());
    RunInputs.Prepared prepared = RunInputs.of(loaded.spec(), templates, file, null, List.of(),
        HOST, Map.of(), Clock.systemUTC());

    SpecPreview.Result rendered = SpecPreview.render(loaded.text(), prepared.values(),
        prepared.inputs().base(), true);
    assertThat(rendered.errors()).singleElement().extracting(Throwable::getMessage)
        .isEqualTo("components[0].containers[0].when:1:1: when gave 'yes'; it must give true or"
            + " false (1, t, T, TRUE, true, True, or 0, f, F, FALSE, false, False, or nothing)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            SpecPlans.plan(prepared.inputs(), new ContainerKeys(loaded.spec())))
        .isInstanceOf(PlanException.class)
        .hasMessage(rendered.errors().get(0).getMessage());
  }

  /** What a run creates: kept containers, each with its env, ports, volumes and files. */
  private static Map<String, String> run(SpecInputs in) {
    ContainerKeys keys = new ContainerKeys(in.spec());
    StartPlan plan = SpecPlans.plan(in, keys);
    SpecLauncher launcher = new SpecLauncher(in, keys, plan, null);
    Map<String, String> out = new TreeMap<>();
    for (PlannedContainer planned : plan.containers()) {
      if (planned.skipped()) {
        continue;
      }
      ContainerKey key = planned.key();
      String name = key.component() + "/" + in.spec().container(
          new dev.tugboat.spec.ContainerRef(key.component(), key.container())).orElseThrow()
          .imageName();
      PreparedContainer prepared = launcher.prepare(key, "run",
          new Rendering(in.templates(), in.base(), keys.path(key)),
          names -> names.stream().map(n -> "").toList());
      ContainerConfig config = prepared.config();
      out.put(name + " env", new TreeMap<>(config.env()).toString());
      out.put(name + " ports", config.ports().stream().map(PortMapping::containerPort)
          .sorted().toList().toString());
      out.put(name + " volumes", config.mounts().stream().map(Mount::containerPath)
          .sorted().toList().toString());
      Map<String, String> files = new TreeMap<>();
      for (FileToCopy file : prepared.files()) {
        files.put(file.path(), new String(file.content(), StandardCharsets.UTF_8));
      }
      out.put(name + " files", files.toString());
    }
    return out;
  }

  /** The same, read from what {@code tugboat render} prints. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> render(Map<String, Object> tree) {
    Map<String, String> out = new TreeMap<>();
    for (Object c : list(tree.get("components"))) {
      Map<String, Object> component = (Map<String, Object>) c;
      for (Object k : list(component.get("containers"))) {
        Map<String, Object> container = (Map<String, Object>) k;
        String name = component.get("name") + "/" + container.get("image_name");
        Map<String, String> env = new TreeMap<>();
        for (Object e : list(container.get("env_vars"))) {
          Map<String, Object> var = (Map<String, Object>) e;
          Object value = var.containsKey("value") ? var.get("value") : var.get("static_val");
          env.put(String.valueOf(var.get("name")), value == null ? "" : text(value));
        }
        out.put(name + " env", env.toString());
        out.put(name + " ports", list(container.get("ports")).stream()
            .map(p -> Integer.parseInt(text(((Map<String, Object>) p).get("private_port")).trim()))
            .sorted().toList().toString());
        out.put(name + " volumes", list(container.get("volumes")).stream()
            .map(v -> text(((Map<String, Object>) v).get("container_path")).split(":")[0])
            .sorted().toList().toString());
        Map<String, String> files = new TreeMap<>();
        for (Object f : list(container.get("config_files"))) {
          Map<String, Object> file = (Map<String, Object>) f;
          files.put(text(file.get("filename")), text(file.get("contents")));
        }
        out.put(name + " files", files.toString());
      }
    }
    return out;
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  private static String text(Object value) {
    String text = String.valueOf(value);
    int record = text.indexOf("text=");
    return value instanceof String || record < 0 ? text
        : text.substring(record + 5, text.indexOf(", tag="));
  }
}
