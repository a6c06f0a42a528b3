package dev.tugboat.orchestrator;

import dev.tugboat.runtime.ContainerConfigBuilder;
import dev.tugboat.runtime.Ulimit;
import dev.tugboat.spec.ContainerOptionsSpec;
import dev.tugboat.spec.ExtraHostSpec;
import dev.tugboat.spec.Numbers;
import dev.tugboat.spec.UlimitSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Docker options of a container, passed as their names say. Sizes accept bytes or {@code
 * 500m}/{@code 1g}; strings that render empty (a security option behind an {@code if}) are dropped.
 */
final class ContainerOptionsMapper {

  private ContainerOptionsMapper() {}

  static void apply(ContainerOptionsSpec o, Rendering r, ContainerConfigBuilder b) {
    b.privileged(o.privileged())
        .hostname(r.text(o.hostname(), "hostname").trim())
        .pidMode(r.text(o.pidMode(), "pid_mode").trim())
        .user(r.text(o.user(), "user").trim())
        .readonlyRootfs(o.readonlyRootfs())
        .allocateTty(o.allocateTty())
        .oomKillDisable(o.oomKillDisable())
        .capAdd(r.list(o.securityCapAdd(), "security_cap_add"))
        .securityOpts(r.list(o.securityOptions(), "security_options"))
        .networkAliases(r.list(o.networkAliases(), "network_aliases"))
        .links(r.list(o.links(), "links"))
        .ipv4Address(r.text(o.ipv4Address(), "ipv4_address").trim())
        .ipv6Address(r.text(o.ipv6Address(), "ipv6_address").trim());
    String network = r.text(o.network(), "network").trim();
    String mode = r.text(o.networkMode(), "network_mode").trim();
    b.networkMode(mode.isEmpty() ? network : mode);
    size(r.text(o.cpuShares(), "cpu_shares"), r.path("cpu_shares")).ifPresent(b::cpuShares);
    size(r.text(o.memoryLimit(), "memory_limit"), r.path("memory_limit")).ifPresent(b::memoryBytes);
    String swap = r.text(o.memorySwapLimit(), "memory_swap_limit").trim();
    if (swap.equals("-1")) {
      b.memorySwapBytes(-1);
    } else {
      size(swap, r.path("memory_swap_limit")).ifPresent(b::memorySwapBytes);
    }
    size(r.text(o.shmSize(), "shm_size"), r.path("shm_size")).ifPresent(b::shmSizeBytes);
    String stop = r.text(o.stopTimeout(), "stop_timeout").trim();
    if (!stop.isEmpty()) {
      b.stopTimeout(Duration.ofSeconds(size(stop, r.path("stop_timeout")).orElse(10)));
    }
    b.extraHosts(extraHosts(o.extraHosts(), r));
    o.ulimits().forEach(u -> b.addUlimit(ulimit(u, r)));
  }

  static OptionalLong size(String text, String field) {
    if (text.isBlank()) {
      return OptionalLong.empty();
    }
    OptionalLong value = Numbers.parseSize(text.trim());
    if (value.isEmpty()) {
      throw new Launcher.LaunchException(field + ": expected a number or a size like 500m, got \""
          + text + "\"");
    }
    return value;
  }

  private static List<String> extraHosts(List<ExtraHostSpec> hosts, Rendering r) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < hosts.size(); i++) {
      ExtraHostSpec host = hosts.get(i);
      String field = "extra_hosts[" + i + "]";
      if (r.when(host.when(), field + ".when")) {
        String name = r.text(host.hostname(), field + ".hostname").trim();
        String address = r.text(host.address(), field + ".address").trim();
        if (!name.isEmpty() && !address.isEmpty()) {
          lines.add(name + ":" + address);
        }
      }
    }
    return lines;
  }

  private static Ulimit ulimit(UlimitSpec u, Rendering r) {
    long soft = size(r.text(u.soft(), "ulimits." + u.name()), r.path("ulimits")).orElse(0);
    String hardText = r.text(u.hard(), "ulimits." + u.name());
    long hard = hardText.isBlank() ? soft : size(hardText, r.path("ulimits")).orElse(soft);
    return new Ulimit(u.name(), soft, hard);
  }
}
