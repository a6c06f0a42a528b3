package dev.tugboat.template;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses and renders every template of a generated spec with 500 containers (env vars, a config
 * file, a command, a {@code when}, a Cassandra-style seed list each) and prints nanoseconds per
 * template and milliseconds per whole spec, after warm-up. Run by {@code scripts/bench/template-render.sh}.
 */
public final class TemplateRenderBenchmark {
  private static final int CONTAINERS = 500;
  private static final int WARMUP_ROUNDS = 30;
  private static final int MEASURED_ROUNDS = 50;

  private TemplateRenderBenchmark() {}

  public static void main(String[] args) {
    int containers = args.length > 0 ? Integer.parseInt(args[0]) : CONTAINERS;
    List<String[]> sources = generate(containers);
    FakeEnvironment env = FakeEnvironment.standard();
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      renderAll(parseAll(sources), env);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[][] parse = new long[2][MEASURED_ROUNDS];
    long[][] render = new long[2][MEASURED_ROUNDS];
    long chars = 0;
    for (int i = 0; i < MEASURED_ROUNDS; i++) {
      long w0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      List<Template> templates = parseAll(sources);
      long w1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      chars = renderAll(templates, env);
      parse[0][i] = w1 - w0;
      parse[1][i] = c1 - c0;
      render[0][i] = System.nanoTime() - w1;
      render[1][i] = threads.getCurrentThreadCpuTime() - c1;
    }
    int n = sources.size();
    System.out.printf(
        "spec: %d containers, %d templates, %d characters rendered; median of %d rounds after %d"
            + " warm-up rounds%n",
        containers, n, chars, MEASURED_ROUNDS, WARMUP_ROUNDS);
    report("parse ", parse, n);
    report("render", render, n);
    System.out.printf(
        "parse + render: %.2f ms per spec (wall), %.2f ms (CPU)%n",
        (median(parse[0]) + median(render[0])) / 1e6, (median(parse[1]) + median(render[1])) / 1e6);
  }

  /** Wall time counts waiting for a CPU on a busy machine; thread CPU time does not. */
  private static void report(String what, long[][] rounds, int templates) {
    long wall = median(rounds[0]);
    long cpu = median(rounds[1]);
    System.out.printf(
        "%s: %,d ns/template, %.2f ms per spec (wall); %,d ns/template, %.2f ms per spec (CPU)%n",
        what, wall / templates, wall / 1e6, cpu / templates, cpu / 1e6);
  }

  private static List<Template> parseAll(List<String[]> sources) {
    List<Template> templates = new ArrayList<>(sources.size());
    for (String[] s : sources) {
      templates.add(Template.parse(s[1], s[0]));
    }
    return templates;
  }

  private static long renderAll(List<Template> templates, TemplateEnvironment env) {
    long chars = 0;
    for (Template t : templates) {
      chars += t.render(env).length();
    }
    return chars;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** (field path, template) pairs of a spec with the given number of containers. */
  static List<String[]> generate(int containers) {
    List<String[]> out = new ArrayList<>();
    for (int c = 0; c < containers; c++) {
      String base = "components[" + (c / 5) + "].containers[" + (c % 5) + "]";
      String[] env = {
        "{{repl ConfigOption \"hostname\" }}",
        "{{repl HostPrivateIpAddress \"DB\" \"redis\" }}",
        "{{repl ContainerExposedPort \"DB\" \"redis\" \"6379\" }}",
        "postgres://app:{{repl ConfigOption \"postgres_pw\" | UrlEncode}}@{{repl NodePrivateIPAddress \"db\" \"postgres\"}}:"
            + "{{repl ContainerExposedPort \"db\" \"postgres\" \"5432\"}}/app",
        "{{repl if ConfigOptionEquals \"http_enabled\" \"1\"}}http{{repl else}}https{{repl end}}",
        "{{repl range $i, $h := HostPrivateIpAddressAll \"C\" \"c\" }}{{repl if eq $i 1}},{{repl end}}"
            + "{{repl if lt $i 2}}{{repl $h}}{{repl end}}{{repl end}}",
        "plain-value-" + c,
      };
      for (int e = 0; e < env.length; e++) {
        out.add(new String[] {base + ".env_vars[" + e + "].value", env[e]});
      }
      out.add(new String[] {base + ".config_files[0].contents", nginxConfig(c)});
      out.add(new String[] {base + ".cmd", "[\"app\", \"--port\", \"{{repl Add 8000 " + c + "}}\", \"--host\", \"{{repl ThisNodePrivateIPAddress}}\"]"});
      out.add(new String[] {base + ".when", "{{repl and (ConfigOptionEquals \"http_enabled\" \"1\") (ne \"" + c + "\" \"7\")}}"});
    }
    return out;
  }

  private static String nginxConfig(int c) {
    return "worker_processes 1;\n"
        + "events { worker_connections 1024; }\n"
        + "http {\n"
        + "  # {{ upstream }} is nginx's, not ours\n"
        + "  server {\n"
        + "    listen 80;\n"
        + "    server_name {{repl ConfigOption \"hostname\" }};\n"
        + "    keepalive_timeout 70;\n"
        + "    location / {\n"
        + "      proxy_set_header X-Forwarded-For $remote_addr;\n"
        + "      proxy_set_header Host $host;\n"
        + "      proxy_pass http://{{repl HostPrivateIpAddress \"App\" \"freighter/counter\" }}:"
        + "{{repl ContainerExposedPort \"App\" \"freighter/counter\" \"3000\" }};\n"
        + "    }\n"
        + "    # instance " + c + " built {{repl NowFmt \"2006-01-02\"}}\n"
        + "  }\n"
        + "}\n";
  }
}
