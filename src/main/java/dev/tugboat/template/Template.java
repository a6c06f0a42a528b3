package dev.tugboat.template;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed {@code {{repl}}} template: Go text/template syntax with Replicated's delimiters and
 * function library. Parse once when the spec loads ({@link #parse}: syntax errors and unknown
 * functions surface then, with positions), render many times ({@link #render}) when a container is
 * about to start. Immutable and safe to render from several threads at once.
 */
public final class Template {
  private final String source;
  private final String fieldPath;
  private final List<Node> nodes;
  private final TemplateCalls calls;
  /** The output when the template has no actions; null otherwise. */
  private final String constantText;

  private Template(String source, String fieldPath, List<Node> nodes) {
    this.source = source;
    this.fieldPath = fieldPath;
    this.nodes = nodes;
    this.calls = TemplateCalls.of(nodes);
    this.constantText = constantText(nodes);
  }

  /**
   * Parses {@code source}. {@code fieldPath} names where it sits in the spec (e.g. {@code
   * components[1].containers[0].env_vars[0].value}) and prefixes every error message.
   *
   * @throws TemplateException with the line and column of the problem within {@code source}
   */
  public static Template parse(String source, String fieldPath) {
    Objects.requireNonNull(source, "source");
    String path = fieldPath == null ? "" : fieldPath;
    try {
      return new Template(source, path, Parser.parse(source, FunctionLibrary.standard()));
    } catch (PositionedError e) {
      throw exception(source, path, e);
    } catch (StackOverflowError e) {
      // The parser bounds its nesting; a thread with a tiny stack is still not a reason to crash.
      throw new TemplateException(path, 1, 1, "template nested too deeply");
    }
  }

  /** True when {@code text} holds at least one {@code {{repl} action (and so needs parsing). */
  public static boolean hasActions(String text) {
    return text != null && text.contains(Lexer.LEFT_DELIM);
  }

  /**
   * Evaluates the template against {@code env}.
   *
   * @throws TemplateException with the position of the failing action; {@link
   *     TemplateException#isUnavailableFact()} tells a fact that is only not known yet
   */
  public String render(TemplateEnvironment env) {
    Objects.requireNonNull(env, "env");
    if (constantText != null) {
      return constantText;
    }
    try {
      return new Evaluator(env).render(nodes);
    } catch (PositionedError e) {
      throw exception(source, fieldPath, e);
    } catch (StackOverflowError e) {
      throw new TemplateException(fieldPath, 1, 1, "template nested too deeply to evaluate");
    }
  }

  /**
   * Evaluates the template with {@code dot} as {@code .}: a map whose keys templates read as fields
   * ({@code .Result}, {@code .StatusCode}), as a custom requirement's conditions do.
   */
  public String render(TemplateEnvironment env, java.util.Map<String, Object> dot) {
    Objects.requireNonNull(env, "env");
    if (constantText != null) {
      return constantText;
    }
    try {
      return new Evaluator(env).render(nodes, java.util.Map.copyOf(dot));
    } catch (PositionedError e) {
      throw exception(source, fieldPath, e);
    } catch (StackOverflowError e) {
      throw new TemplateException(fieldPath, 1, 1, "template nested too deeply to evaluate");
    }
  }

  /** True when the template has no actions: it renders to the same text whatever the environment. */
  public boolean isConstant() {
    return constantText != null;
  }

  /** The names of the functions the template may call, sorted. */
  public Set<String> functionNames() {
    return calls.functionNames();
  }

  /**
   * The containers the template names with literal arguments, in order of first appearance: {@code
   * NodePrivateIPAddress "db" "postgres"} gives (db, postgres). See {@link
   * #hasDynamicContainerReferences()} for calls whose arguments are computed.
   */
  public List<ContainerReference> containerReferences() {
    return calls.containerReferences();
  }

  /**
   * The config items the template names with literal arguments ({@code ConfigOption "hostname"}
   * and the other config functions), each with where its name is written in the template.
   */
  public List<ConfigItemReference> configItemReferences() {
    return calls.configItemCalls().stream().map(call -> {
      int[] at = lineAndColumn(source, call.offset());
      return new ConfigItemReference(call.item(), at[0], at[1]);
    }).toList();
  }

  /** True when some container function's component or container argument is not a literal. */
  public boolean hasDynamicContainerReferences() {
    return calls.dynamicContainerReferences();
  }

  public String source() {
    return source;
  }

  public String fieldPath() {
    return fieldPath;
  }

  @Override
  public String toString() {
    return fieldPath.isEmpty() ? source : fieldPath + ": " + source;
  }

  private static String constantText(List<Node> nodes) {
    StringBuilder b = new StringBuilder();
    for (Node n : nodes) {
      if (!(n instanceof Node.Text text)) {
        return null;
      }
      b.append(text.text());
    }
    return b.toString();
  }

  private static TemplateException exception(String source, String fieldPath, PositionedError e) {
    int[] at = lineAndColumn(source, e.offset());
    return new TemplateException(fieldPath, at[0], at[1], e.getMessage(), e.getCause());
  }

  /** The 1-based line and column of {@code offset} in {@code source}. */
  private static int[] lineAndColumn(String source, int at) {
    int offset = Math.max(0, Math.min(at, source.length()));
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }
}
