package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static dev.tugboat.spec.RuleCheck.webAndDb;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterRulesTest {

  private static final String PLACED = """
      replicated_api_version: 2.8.0
      name: Shop
      components:
      - name: web
        cluster: true
        cluster_host_count:
          min: 2
        tags: ["app"]
        conflicts: ["lb"]
        containers:
        - source: public
          image_name: shop
          version: "1.0"
          cluster: true
      - name: lb
        cluster: false
        containers:
        - source: public
          image_name: nginx
          version: "1"
      """;

  @Test
  void placementAcrossHostsIsWarnedAtItsPositionWithWhatOneHostDoes() {
    assertThat(problems("cluster-only", PLACED)).containsExactly(
        "app.yml:5:12: warning [cluster-only] component web: cluster spreads a component over the "
            + "hosts of a cluster and acts only there; where the Docker Engine manages a swarm, Tugboat gives a "
            + "clustered component to Swarm (docs/cluster.md); elsewhere it runs one host's "
            + "worth: every component on this host, one instance of each container unless "
            + "cluster_instance_count asks for more",
        "app.yml:7:5: warning [cluster-only] component web: cluster_host_count says on how many "
            + "hosts of a cluster the component runs and acts only there; where the Docker Engine manages a swarm, Tugboat gives a "
            + "clustered component to Swarm (docs/cluster.md); elsewhere it runs one host's "
            + "worth: every component on this host, one instance of each container unless "
            + "cluster_instance_count asks for more",
        "app.yml:8:9: warning [cluster-only] component web: tags place a component on the tagged "
            + "hosts of a cluster and act only there; where the Docker Engine manages a swarm, Tugboat gives a "
            + "clustered component to Swarm (docs/cluster.md); elsewhere it runs one host's "
            + "worth: every component on this host, one instance of each container unless "
            + "cluster_instance_count asks for more",
        "app.yml:9:14: warning [cluster-only] component web: conflicts keep components apart on "
            + "the hosts of a cluster and act only there; where the Docker Engine manages a swarm, Tugboat gives a "
            + "clustered component to Swarm (docs/cluster.md); elsewhere it runs one host's "
            + "worth: every component on this host, one instance of each container unless "
            + "cluster_instance_count asks for more",
        "app.yml:14:14: warning [cluster-only] container web/shop: cluster without "
            + "cluster_instance_count acts only on a cluster; Tugboat runs one host's worth: "
            + "every component on this host, one instance of each container unless "
            + "cluster_instance_count asks for more");
  }

  @Test
  void aContainerWithAnInstanceCountIsNotWarnedForItsCluster() {
    String spec = webAndDb("", """
        cluster: true
        cluster_instance_count:
          initial: 3
          max: 5
          threshold_healthy: 2
          threshold_degraded: 1
        """);
    assertThat(problems("cluster-only", spec)).isEmpty();
    assertThat(problems("instance-count", spec)).isEmpty();
  }

  @Test
  void anInstanceCountWithoutClusterRunsOneInstanceAndSaysSo() {
    assertThat(problems("instance-count", webAndDb("", "cluster_instance_count: 3")))
        .containsExactly("app.yml:25:29: warning [instance-count] container web/shop: "
            + "cluster_instance_count acts only where the container has cluster: true, as in "
            + "Replicated; Tugboat runs one instance of it. Add cluster: true to run 3");
  }

  @Test
  void anInstanceCountIsAWholeNumberOfAtLeastOne() {
    assertThat(problems("instance-count", webAndDb("", """
        cluster: true
        cluster_instance_count:
          initial: none
          maximum: 3
        """))).containsExactly(
        "app.yml:27:16: error [instance-count] container web/shop: the number of instances to "
            + "run must be a whole number of at least 1, not \"none\"",
        "app.yml:28:16: warning [instance-count] unknown key \"maximum\" in cluster_instance_count; "
            + "it has initial, max, threshold_healthy and threshold_degraded");
    assertThat(problems("instance-count", webAndDb("", "cluster: true\ncluster_instance_count: 0")))
        .hasSize(1);
    assertThat(problems("instance-count",
        webAndDb("", "cluster: true\ncluster_instance_count: '{{repl ConfigOption \"n\"}}'")))
        .isEmpty();
  }

  @Test
  void severalInstancesCannotShareAFixedNameOrHostPort() {
    assertThat(problems("instance-count", webAndDb("", """
        name: shop
        cluster: true
        cluster_instance_count: 2
        ports:
        - private_port: "80"
          public_port: "8080"
        - private_port: "443"
        """))).containsExactly(
        "app.yml:25:11: error [instance-count] container web/shop runs 2 instances, but a fixed "
            + "name fits only one Docker container; remove name (instances are named "
            + "tugboat-<app>-<component>-<image>-<n>)",
        "app.yml:30:20: error [instance-count] container web/shop runs 2 instances, which cannot "
            + "all bind host port 8080; leave public_port out and Docker picks a port for each "
            + "(ContainerExposedPortAll lists them)");
  }
}
