package dev.tugboat.runtime.docker;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.FileToCopy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times each runtime call through {@link DockerRuntime} over N runs (argument, default 20) on the
 * busybox test image and prints the median and 90th percentile in ms. Run by
 * scripts/bench/runtime-latency.sh; not a test.
 */
public final class RuntimeLatencyBenchmark {
  private static final String IMAGE = "tugboat-test/busybox:1";

  private final Map<String, List<Long>> nanos = new LinkedHashMap<>();

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    new RuntimeLatencyBenchmark().run(runs);
  }

  private void run(int runs) {
    try (DockerRuntime runtime = DockerRuntime.connect(Optional.empty())) {
      runtime.ping();
      oneRun(runtime, "warmup", false);
      for (int i = 0; i < runs; i++) {
        oneRun(runtime, Integer.toString(i), true);
      }
    }
    System.out.printf("%d runs through DockerRuntime, image %s (ms)%n", runs, IMAGE);
    System.out.printf("%-26s %8s %8s%n", "call", "median", "p90");
    nanos.forEach((call, times) -> System.out.printf("%-26s %8.1f %8.1f%n", call,
        percentile(times, 50), percentile(times, 90)));
  }

  private void oneRun(DockerRuntime runtime, String suffix, boolean record) {
    ContainerConfig config = ContainerConfig.builder(IMAGE)
        .name("tugboat-bench-" + ProcessHandle.current().pid() + "-" + suffix)
        .label("dev.tugboat.test", "runtime-bench").cmd("sleep", "300").build();
    ContainerId id = time("create", record, () -> runtime.create(config));
    try {
      time("copy file (before start)", record, () -> {
        runtime.copyFiles(id, List.of(new FileToCopy("/etc/app/app.conf",
            "listen=5432\n".getBytes(UTF_8), 0640, "65534:65534")));
        return null;
      });
      time("start", record, () -> {
        runtime.start(id);
        return null;
      });
      time("inspect", record, () -> runtime.inspect(id));
      time("exec true", record, () -> runtime.exec(id, ExecRequest.of("true")));
    } finally {
      time("remove (force, running)", record, () -> {
        runtime.remove(id);
        return null;
      });
    }
  }

  private <T> T time(String call, boolean record, Supplier<T> action) {
    long start = System.nanoTime();
    T result = action.get();
    long elapsed = System.nanoTime() - start;
    if (record) {
      nanos.computeIfAbsent(call, c -> new ArrayList<>()).add(elapsed);
    }
    return result;
  }

  private static double percentile(List<Long> times, int percent) {
    long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
