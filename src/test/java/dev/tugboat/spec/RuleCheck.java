package dev.tugboat.spec;

import java.util.List;

/** Loads spec text and runs the standard validator, keeping the problems of one rule as text. */
final class RuleCheck {
  private RuleCheck() {}

  static List<String> problems(String ruleId, String yaml) {
    try {
      LoadedSpec loaded = new SpecLoader().load(yaml, "app.yml");
      return java.util.stream.Stream.concat(
              loaded.problems().stream(), new SpecValidator().validate(loaded.spec()).stream())
          .filter(p -> p.ruleId().equals(ruleId))
          .map(Problem::toText)
          .toList();
    } catch (SpecLoadException e) {
      throw new AssertionError("test spec does not load: " + e.getMessage(), e);
    }
  }

  /** A two-container spec with one event; {@code extra} is appended to the web container. */
  static String webAndDb(String dbExtra, String webExtra) {
    return """
        replicated_api_version: 2.8.0
        name: Shop
        components:
        - name: db
          containers:
          - source: public
            image_name: postgres
            version: "15"
            ports:
            - private_port: "5432"
            publish_events:
            - name: db ready
              trigger: port-listen
              data: "5432"
              subscriptions:
              - component: web
                container: shop
                action: start
        %s
        - name: web
          containers:
          - source: public
            image_name: shop
            version: "1.0"
        %s
        """.formatted(indent(dbExtra), indent(webExtra));
  }

  private static String indent(String block) {
    return block.isEmpty() ? "" : block.indent(4).stripTrailing();
  }
}
