package dev.tugboat.spec;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Rules about {@code publish_events}: triggers, their arguments, timeouts and subscribers. */
final class EventRules {
  /** Replicated's triggers, then Tugboat's extensions. */
  static final List<String> TRIGGERS = List.of("container-start", "container-stop", "port-listen",
      "exec", "container-exit", "healthy", "http-status", "log-match");
  static final List<String> ACTIONS = List.of("start");

  private EventRules() {}

  static List<ValidationRule> all() {
    return List.of(
        ValidationRule.of("subscription-target-exists", EventRules::subscriptionTargetExists),
        ValidationRule.of("known-trigger", EventRules::knownTrigger),
        ValidationRule.of("known-action", EventRules::knownAction),
        ValidationRule.of("port-listen-data", EventRules::portListenData),
        ValidationRule.of("port-listen-declared", EventRules::portListenDeclared),
        ValidationRule.of("exec-args", EventRules::execArgs),
        ValidationRule.of("http-status-args", HttpStatusArgsRule::check),
        ValidationRule.of("event-timeout", EventRules::eventTimeout),
        ValidationRule.of("unique-event-names", EventRules::uniqueEventNames));
  }

  static void subscriptionTargetExists(AppSpec spec, Findings findings) {
    for (LocatedEvent located : SpecWalk.events(spec)) {
      List<SubscriptionSpec> subscriptions = located.event().subscriptions();
      for (int i = 0; i < subscriptions.size(); i++) {
        SubscriptionSpec subscription = subscriptions.get(i);
        if (subscription.component().isEmpty() || subscription.container().isEmpty()) {
          continue;
        }
        String path = located.child("subscriptions[" + i + "]");
        String event = "subscription of event \"" + located.event().name() + "\"";
        Optional<ComponentSpec> component = spec.component(subscription.component());
        if (component.isEmpty()) {
          Set<String> names = spec.components().stream().map(ComponentSpec::name).collect(Collectors.toSet());
          findings.error(path + ".component", event + " names component " + subscription.component()
              + ", which does not exist" + didYouMean(subscription.component(), names));
        } else if (spec.container(subscription.target()).isEmpty()) {
          Set<String> names = component.get().containers().stream()
              .flatMap(c -> Stream.of(c.imageName(), c.name()))
              .filter(n -> !n.isEmpty())
              .collect(Collectors.toSet());
          findings.error(path + ".container", event + " names container " + subscription.target()
              + ", which does not exist" + didYouMean(subscription.container(), names));
        }
      }
    }
  }

  static String didYouMean(String word, Set<String> candidates) {
    return Spelling.closest(word, candidates).map(s -> " (did you mean " + s + "?)").orElse("");
  }

  static void knownTrigger(AppSpec spec, Findings findings) {
    for (LocatedEvent located : SpecWalk.events(spec)) {
      String trigger = located.event().trigger();
      if (!trigger.isEmpty() && !TRIGGERS.contains(trigger)) {
        findings.error(located.child("trigger"), "event \"" + located.event().name()
            + "\" has unknown trigger \"" + trigger + "\"" + didYouMean(trigger, Set.copyOf(TRIGGERS))
            + "; known triggers: " + String.join(", ", TRIGGERS));
      }
    }
  }

  static void knownAction(AppSpec spec, Findings findings) {
    for (LocatedEvent located : SpecWalk.events(spec)) {
      List<SubscriptionSpec> subscriptions = located.event().subscriptions();
      for (int i = 0; i < subscriptions.size(); i++) {
        String action = subscriptions.get(i).action();
        if (!action.isEmpty() && !ACTIONS.contains(action)) {
          findings.error(located.child("subscriptions[" + i + "].action"), "subscription of event \""
              + located.event().name() + "\" has unknown action \"" + action
              + "\"; the only action is start");
        }
      }
    }
  }

  static void portListenData(AppSpec spec, Findings findings) {
    for (LocatedEvent located : portListenEvents(spec)) {
      String data = located.event().data();
      if (!Templates.isTemplated(data) && Numbers.parsePort(data).isEmpty()) {
        findings.error(located.child("data"), "port-listen event \"" + located.event().name()
            + "\" needs the port to wait for in \"data\" (1-65535), found \"" + data + "\"");
      }
    }
  }

  static void portListenDeclared(AppSpec spec, Findings findings) {
    for (LocatedEvent located : portListenEvents(spec)) {
      OptionalInt port = Numbers.parsePort(located.event().data());
      if (port.isEmpty()) {
        continue;
      }
      boolean declared = located.publisher().ports().stream()
          .anyMatch(p -> p.privatePortNumber().equals(port) || p.publicPortNumber().equals(port));
      if (!declared) {
        findings.warning(located.child("data"), "port-listen event \"" + located.event().name()
            + "\" waits for port " + port.getAsInt() + ", which container "
            + located.publisher().ref() + " does not declare in \"ports\" (its image may still"
            + " expose it; declare it to be sure)");
      }
    }
  }

  private static List<LocatedEvent> portListenEvents(AppSpec spec) {
    return SpecWalk.events(spec).stream()
        .filter(e -> e.event().trigger().equals("port-listen"))
        .toList();
  }

  static void execArgs(AppSpec spec, Findings findings) {
    for (LocatedEvent located : SpecWalk.events(spec)) {
      if (located.event().trigger().equals("exec") && located.event().args().isEmpty()) {
        findings.error(located.path(), "exec event \"" + located.event().name()
            + "\" has no \"args\": give the command to run in the container, such as"
            + " [\"pg_isready\", \"-U\", \"postgres\"]");
      }
    }
  }

  static void eventTimeout(AppSpec spec, Findings findings) {
    for (LocatedEvent located : SpecWalk.events(spec)) {
      int timeout = located.event().timeoutSeconds();
      if (timeout < EventSpec.NEVER) {
        findings.error(located.child("timeout"), "event \"" + located.event().name()
            + "\" has timeout " + timeout + "; use seconds (0 or absent: 600) or -1 to wait forever");
      }
    }
  }

  /**
   * Replicated's documentation asks for unique event names, and the status and the journal tell
   * events apart by name: the second use of a name is refused where it is written.
   */
  static void uniqueEventNames(AppSpec spec, Findings findings) {
    java.util.Map<String, String> first = new java.util.HashMap<>();
    for (LocatedEvent located : SpecWalk.events(spec)) {
      String name = located.event().name();
      if (name.isEmpty()) {
        continue;
      }
      String earlier = first.putIfAbsent(name, located.child("name"));
      if (earlier != null) {
        findings.error(located.child("name"), EventSpec.duplicateName(name) + " (first at line "
            + findings.lineOf(earlier) + "); rename one");
      }
    }
  }
}
