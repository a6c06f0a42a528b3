package dev.tugboat.spec;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Container settings that hand a container part of the host: privileged mode, the host's PID or
 * network namespace, added capabilities, and a bind of the Docker socket (which is root on the
 * host). They are legal and some apps need them, so each is a warning at its key: an operator
 * installing the app should see what it asks for before it runs.
 */
final class HostAccessRules {

  static final String HOST_ACCESS = "host-access";
  private static final Set<String> DOCKER_SOCKETS =
      Set.of("/var/run/docker.sock", "/run/docker.sock", "/var/run", "/run");

  private HostAccessRules() {}

  static List<ValidationRule> all() {
    return List.of(ValidationRule.of(HOST_ACCESS, HostAccessRules::hostAccess));
  }

  static void hostAccess(AppSpec spec, Findings findings) {
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      ContainerSpec container = located.value();
      ContainerOptionsSpec options = container.options();
      String who = "container " + container.ref() + ": ";
      if (options.privileged()) {
        findings.warning(located.child("privileged"), who + "privileged: the container has every"
            + " capability and every device of the host, as root on the host");
      }
      if (options.pidMode().strip().toLowerCase(Locale.ROOT).equals("host")) {
        findings.warning(located.child("pid_mode"), who + "pid_mode host: the container sees and"
            + " can signal every process of the host");
      }
      if (options.networkMode().strip().toLowerCase(Locale.ROOT).equals("host")) {
        findings.warning(located.child("network_mode"), who + "network_mode host: the container"
            + " shares the host's network, its ports and the services on its loopback");
      }
      if (!options.securityCapAdd().stream().allMatch(String::isBlank)) {
        findings.warning(located.child("security_cap_add"), who + "security_cap_add "
            + String.join(", ", options.securityCapAdd().stream()
                .filter(c -> !c.isBlank()).toList())
            + ": capabilities beyond Docker's default set");
      }
      for (int i = 0; i < container.volumes().size(); i++) {
        String hostPath = container.volumes().get(i).hostPath().strip();
        String normal = hostPath.endsWith("/") && hostPath.length() > 1
            ? hostPath.substring(0, hostPath.length() - 1) : hostPath;
        if (DOCKER_SOCKETS.contains(normal)) {
          findings.warning(located.child("volumes[" + i + "].host_path"), who + "mounts "
              + hostPath + ": the Docker socket gives the container root on the host");
        }
      }
    }
  }
}
