package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostAccessRulesTest {

  @Test
  void whatHandsAContainerPartOfTheHostIsWarnedAtItsKey() {
    assertThat(problems("host-access", """
        replicated_api_version: 2.8.0
        name: Shop
        components:
        - name: agent
          containers:
          - source: public
            image_name: agent
            version: "1"
            privileged: true
            pid_mode: host
            network_mode: host
            security_cap_add: [NET_ADMIN, ""]
            volumes:
            - host_path: /var/run/docker.sock
              container_path: /var/run/docker.sock
            - host_path: /srv/data
              container_path: /data
        """)).containsExactly(
            "app.yml:9:17: warning [host-access] container agent/agent: privileged: the container"
                + " has every capability and every device of the host, as root on the host",
            "app.yml:10:15: warning [host-access] container agent/agent: pid_mode host: the"
                + " container sees and can signal every process of the host",
            "app.yml:11:19: warning [host-access] container agent/agent: network_mode host: the"
                + " container shares the host's network, its ports and the services on its"
                + " loopback",
            "app.yml:12:23: warning [host-access] container agent/agent: security_cap_add"
                + " NET_ADMIN: capabilities beyond Docker's default set",
            "app.yml:14:18: warning [host-access] container agent/agent: mounts"
                + " /var/run/docker.sock: the Docker socket gives the container root on the host");
  }

  @Test
  void anOrdinaryContainerGetsNoWarning() {
    assertThat(problems("host-access", """
        replicated_api_version: 2.8.0
        name: Shop
        components:
        - name: web
          containers:
          - source: public
            image_name: shop
            version: "1"
            privileged: false
            network_mode: bridge
            volumes:
            - host_path: /srv/data
              container_path: /data
        """)).isEmpty();
  }
}
