package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static dev.tugboat.spec.RuleCheck.webAndDb;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphRulesTest {
  private static final String WEB_STARTS_DB = """
      publish_events:
      - name: web up
        trigger: container-start
        subscriptions:
        - {component: db, container: postgres, action: start}""";

  @Test
  void eventsHaveNoCycle() {
    assertThat(problems("event-cycle", webAndDb("", ""))).isEmpty();
    assertThat(problems("event-cycle", webAndDb("", WEB_STARTS_DB)))
        .containsExactly("app.yml:29:9: error [event-cycle] containers wait on each other's events"
            + " in a cycle, so none of them starts: db/postgres -> web/shop -> db/postgres; remove one"
            + " subscription to break it");
  }

  @Test
  void aContainerThatStartsItselfIsACycle() {
    String self = webAndDb("", "").replace("component: web\n        container: shop",
        "component: db\n        container: postgres");
    assertThat(problems("event-cycle", self))
        .containsExactly("app.yml:16:9: error [event-cycle] containers wait on each other's events"
            + " in a cycle, so none of them starts: db/postgres -> db/postgres; remove one subscription"
            + " to break it");
  }

  @Test
  void containersWaitingOnlyOnACycleNeverStart() {
    String webStartsDbAndWorker = WEB_STARTS_DB + "\n- name: web up too\n  trigger: container-start\n"
        + "  subscriptions:\n  - {component: web, container: worker, action: start}";
    String spec = webAndDb("", webStartsDbAndWorker) + WORKER;
    assertThat(problems("unreachable-container", webAndDb("", "") + WORKER)).isEmpty();
    assertThat(problems("unreachable-container", spec))
        .containsExactly("app.yml:34:5: error [unreachable-container] container web/worker never"
            + " starts: it waits only on events of web/shop, which never start themselves");
  }

  private static final String WORKER = """
        - source: public
          image_name: worker
          version: "1"
      """;

  @Test
  void volumesFromNamesAContainerOfTheComponentThatStartsFirst() {
    String shopStartsApp = """
        publish_events:
        - name: data ready
          trigger: container-start
          subscriptions:
          - {component: web, container: app, action: start}""";
    String app = """
          - source: public
            image_name: app
            version: "1"
            volumes_from: [%s]
        """;
    assertThat(problems("volumes-from", webAndDb("", shopStartsApp) + app.formatted("shop"))).isEmpty();
    assertThat(problems("volumes-from", webAndDb("", shopStartsApp) + app.formatted("postgres")))
        .containsExactly("app.yml:33:20: error [volumes-from] volumes_from of container web/app names"
            + " postgres, which is not a container of component web");
    assertThat(problems("volumes-from", webAndDb("", "volumes_from: [shop]")))
        .containsExactly("app.yml:25:20: error [volumes-from] container web/shop names itself in"
            + " volumes_from");
    assertThat(problems("volumes-from", webAndDb("", "") + app.formatted("shop")))
        .containsExactly("app.yml:29:20: error [volumes-from] container web/app mounts the volumes of"
            + " web/shop, which does not start before it; subscribe web/app to an event of web/shop");
  }
}
