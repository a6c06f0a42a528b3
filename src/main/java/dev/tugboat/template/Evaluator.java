package dev.tugboat.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a parsed template against an environment, with Go's semantics for actions, {@code if},
 * {@code with}, {@code range} and variables. One instance per rendering: it holds that rendering's
 * output, variables and step count, and is confined to the rendering thread.
 */
final class Evaluator {
  /** Output larger than this is refused (a runaway {@code range} must not fill the heap). */
  static final int MAX_OUTPUT = 8 * 1024 * 1024;
  /** Steps (nodes and commands) per rendering; bounds hostile nested ranges. */
  static final long MAX_STEPS = 5_000_000;

  private enum Flow {
    NEXT,
    BREAK,
    CONTINUE
  }

  private final StringBuilder out = new StringBuilder(256);
  private final Variables variables = new Variables();
  private final Pipelines pipelines;
  private long steps;

  Evaluator(TemplateEnvironment env) {
    this.pipelines = new Pipelines(env, variables, this::step);
  }

  String render(List<Node> nodes) {
    return render(nodes, null);
  }

  /** Renders with {@code dot} as {@code .} and {@code $}: a map's keys read as fields. */
  String render(List<Node> nodes, Object dot) {
    variables.push("$", dot);
    walkList(nodes, dot);
    return out.toString();
  }

  private void step(int pos) {
    if (++steps > MAX_STEPS) {
      throw new PositionedError(pos, "template evaluation exceeded " + MAX_STEPS + " steps");
    }
  }

  private Flow walkList(List<Node> nodes, Object dot) {
    for (Node node : nodes) {
      Flow flow = walk(node, dot);
      if (flow != Flow.NEXT) {
        return flow;
      }
    }
    return Flow.NEXT;
  }

  private Flow walk(Node node, Object dot) {
    if (node instanceof Node.Text text) {
      append(text.text(), 0);
      return Flow.NEXT;
    }
    if (node instanceof Node.Action action) {
      step(action.pos());
      Object value = pipelines.evaluate(dot, action.pipeline());
      if (action.pipeline().variables().isEmpty()) {
        append(value == null ? "<no value>" : GoFormat.value(value), action.pos());
      }
      return Flow.NEXT;
    }
    if (node instanceof Node.If n) {
      return ifOrWith(dot, n.pipeline(), n.then(), n.otherwise(), false);
    }
    if (node instanceof Node.With n) {
      return ifOrWith(dot, n.pipeline(), n.then(), n.otherwise(), true);
    }
    if (node instanceof Node.Range n) {
      return range(dot, n);
    }
    return node instanceof Node.Break ? Flow.BREAK : Flow.CONTINUE;
  }

  private Flow ifOrWith(
      Object dot, Node.Pipeline pipeline, List<Node> then, List<Node> otherwise, boolean with) {
    step(pipeline.pos());
    int mark = variables.mark();
    try {
      Object value = pipelines.evaluate(dot, pipeline);
      if (Values.isTrue(value)) {
        return walkList(then, with ? value : dot);
      }
      return walkList(otherwise, dot);
    } finally {
      variables.pop(mark);
    }
  }

  private Flow range(Object dot, Node.Range range) {
    Node.Pipeline pipeline = range.pipeline();
    step(pipeline.pos());
    int mark = variables.mark();
    try {
      Object value = pipelines.evaluate(dot, pipeline);
      List<?> items = iterable(value, pipeline);
      if (items.isEmpty()) {
        return walkList(range.otherwise(), dot);
      }
      for (int i = 0; i < items.size(); i++) {
        step(pipeline.pos());
        Object element = items.get(i);
        assignRangeVariables(pipeline, (long) i, element);
        int iterationMark = variables.mark();
        Flow flow = walkList(range.body(), element);
        variables.pop(iterationMark);
        if (flow == Flow.BREAK) {
          break;
        }
      }
      return Flow.NEXT;
    } finally {
      variables.pop(mark);
    }
  }

  /** Lists iterate their elements, an int n iterates 0..n-1 (Go 1.22), nil nothing. */
  private List<?> iterable(Object value, Node.Pipeline pipeline) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    if (value instanceof Long n) {
      if (pipeline.variables().size() > 1) {
        throw new PositionedError(
            pipeline.pos(), "can't use " + n + " to iterate over more than one variable");
      }
      if (n > MAX_STEPS) {
        throw new PositionedError(pipeline.pos(), "range over " + n + " exceeds " + MAX_STEPS + " steps");
      }
      List<Object> numbers = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        numbers.add(i);
      }
      return numbers;
    }
    String shown = value instanceof String s ? GoStrings.quote(s) : GoFormat.value(value);
    throw new PositionedError(pipeline.pos(), "range can't iterate over " + shown);
  }

  /** {@code $v} gets the element; with two variables, {@code $i, $v}, the first gets the index. */
  private void assignRangeVariables(Node.Pipeline pipeline, Long index, Object element) {
    List<String> names = pipeline.variables();
    if (names.isEmpty()) {
      return;
    }
    if (pipeline.assign()) {
      variables.set(names.get(names.size() - 1), element, pipeline.pos());
      if (names.size() > 1) {
        variables.set(names.get(0), index, pipeline.pos());
      }
    } else {
      variables.setTop(1, element);
      if (names.size() > 1) {
        variables.setTop(2, index);
      }
    }
  }

  private void append(String s, int pos) {
    if (out.length() + s.length() > MAX_OUTPUT) {
      throw new PositionedError(pos, "template output exceeds " + MAX_OUTPUT + " characters");
    }
    out.append(s);
  }
}
