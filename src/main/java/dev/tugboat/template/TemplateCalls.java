package dev.tugboat.template;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What a parsed template calls: function names and the containers named by literal arguments. */
record TemplateCalls(
    Set<String> functionNames,
    List<ContainerReference> containerReferences,
    boolean dynamicContainerReferences,
    List<ItemCall> configItemCalls) {

  /** The functions whose first argument names a config item. */
  static final Set<String> CONFIG_ITEM_FUNCTIONS = Set.of(
      "ConfigOption", "ConfigOptionData", "ConfigOptionEquals", "ConfigOptionNotEquals");

  /** A config function called with a literal item name, at {@code offset} in the source. */
  record ItemCall(String item, int offset) {}

  static TemplateCalls of(List<Node> nodes) {
    Collector c = new Collector();
    c.nodes(nodes);
    return new TemplateCalls(
        Collections.unmodifiableSet(c.names),
        List.copyOf(c.references),
        c.dynamic,
        List.copyOf(c.itemCalls));
  }

  /** Walks the tree once, when the template is parsed. */
  private static final class Collector {
    final Set<String> names = new TreeSet<>();
    final Set<ContainerReference> references = new LinkedHashSet<>();
    final List<ItemCall> itemCalls = new java.util.ArrayList<>();
    boolean dynamic;

    void nodes(List<Node> nodes) {
      for (Node n : nodes) {
        if (n instanceof Node.Action a) {
          pipeline(a.pipeline());
        } else if (n instanceof Node.If i) {
          pipeline(i.pipeline());
          nodes(i.then());
          nodes(i.otherwise());
        } else if (n instanceof Node.With w) {
          pipeline(w.pipeline());
          nodes(w.then());
          nodes(w.otherwise());
        } else if (n instanceof Node.Range r) {
          pipeline(r.pipeline());
          nodes(r.body());
          nodes(r.otherwise());
        }
      }
    }

    void pipeline(Node.Pipeline p) {
      for (int i = 0; i < p.commands().size(); i++) {
        command(p.commands().get(i).operands(), i > 0);
      }
    }

    void command(List<Operand> operands, boolean piped) {
      for (int i = 0; i < operands.size(); i++) {
        Operand o = operands.get(i);
        if (o instanceof Operand.Function f) {
          names.add(f.function().name());
          if (i == 0 && !piped && CONFIG_ITEM_FUNCTIONS.contains(f.function().name())
              && operands.size() > 1 && operands.get(1) instanceof Operand.StringLiteral item) {
            itemCalls.add(new ItemCall(item.value(), item.pos()));
          }
          if (f.function().refersToContainer()) {
            containerCall(i == 0 ? operands.subList(1, operands.size()) : List.of(), piped && i == 0);
          }
        } else if (o instanceof Operand.Parenthesized p) {
          pipeline(p.pipeline());
        } else if (o instanceof Operand.Chain c && c.target() instanceof Operand.Parenthesized p) {
          pipeline(p.pipeline());
        }
      }
    }

    void containerCall(List<Operand> args, boolean piped) {
      if (!piped
          && args.size() >= 2
          && args.get(0) instanceof Operand.StringLiteral component
          && args.get(1) instanceof Operand.StringLiteral container) {
        references.add(new ContainerReference(component.value(), container.value()));
      } else {
        dynamic = true;
      }
    }
  }
}
