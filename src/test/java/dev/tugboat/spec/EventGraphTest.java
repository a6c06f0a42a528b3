package dev.tugboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventGraphTest {
  private static EventGraph graph(String yaml) throws Exception {
    return EventGraph.of(new SpecLoader().load(yaml, "app.yml").spec());
  }

  private static final String TWO_WORKERS = """
      replicated_api_version: 2.8.0
      name: x
      components:
      - name: jobs
        containers:
        - {source: public, image_name: worker, version: "1", name: fast}
        - {source: public, image_name: worker, version: "1", name: slow}
        - {source: public, image_name: fast, version: "1"}
      """;

  @Test
  void refsMatchImageNameFirstThenName() throws Exception {
    EventGraph graph = graph(TWO_WORKERS);
    assertThat(graph.pathOf(new ContainerRef("jobs", "worker"))).contains("components[0].containers[0]");
    assertThat(graph.pathOf(new ContainerRef("jobs", "fast"))).contains("components[0].containers[2]");
    assertThat(graph.pathOf(new ContainerRef("jobs", "slow"))).contains("components[0].containers[1]");
    assertThat(graph.pathOf(new ContainerRef("jobs", "none"))).isEmpty();
    assertThat(graph.pathOf(new ContainerRef("other", "worker"))).isEmpty();
  }

  @Test
  void containersWithoutSubscribersAreRootsAndStartFirst() throws Exception {
    EventGraph graph = graph(RuleCheck.webAndDb("", ""));
    assertThat(graph.isRoot("components[0].containers[0]")).isTrue();
    assertThat(graph.isRoot("components[1].containers[0]")).isFalse();
    assertThat(graph.startsBefore("components[0].containers[0]", "components[1].containers[0]")).isTrue();
    assertThat(graph.startsBefore("components[1].containers[0]", "components[0].containers[0]")).isFalse();
    assertThat(graph.startable()).hasSize(2);
    assertThat(graph.cycles()).isEmpty();
    assertThat(graph.label("components[1].containers[0]")).isEqualTo("web/shop");
  }

  @Test
  void oneCyclePerGroupOfContainersWaitingOnEachOther() throws Exception {
    String cycle = RuleCheck.webAndDb("", """
        publish_events:
        - name: web up
          trigger: container-start
          subscriptions:
          - {component: db, container: postgres, action: start}""");
    assertThat(graph(cycle).cycles()).containsExactly(List.of(
        "components[0].containers[0]", "components[1].containers[0]", "components[0].containers[0]"));
  }
}
