package dev.tugboat.requirements;

import dev.tugboat.spec.CustomRequirementSpec;
import dev.tugboat.spec.Numbers;
import dev.tugboat.template.Template;
import dev.tugboat.template.TemplateEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a custom requirement's command outcome by its results, as Replicated did: in order, the
 * first whose condition holds gives the status and message; a result without a condition always
 * holds; when none holds the requirement is an error. A condition holds when every property it
 * gives does: {@code status_code} equal, {@code error} equal, {@code bool_expr} rendering true with
 * {@code .Result}, {@code .Results}, {@code .StatusCode} and {@code .Error} to read.
 */
public final class CustomRequirementCheck {
  private static final Pattern ARG = Pattern.compile("\\{\\{\\s*\\.(\\w+)\\s*}}");

  private CustomRequirementCheck() {}

  /** Whether {@code when} lets it run: absent, or rendering to a true boolean (Go's ParseBool). */
  public static boolean applies(CustomRequirementSpec req, TemplateEnvironment env) {
    return req.when().isBlank() || isTrue(Template.parse(req.when(), req.path() + ".when").render(env));
  }

  public static CheckResult skipped(CustomRequirementSpec req) {
    return new CheckResult(req.id(), "custom", "", "", Verdict.SKIPPED, "its when is false");
  }

  public static CheckResult judge(CustomRequirementSpec req, CommandOutcome outcome,
      TemplateEnvironment env) {
    Map<String, Object> dot = new LinkedHashMap<>();
    dot.put("Result", outcome.result());
    dot.put("Results", outcome.results());
    dot.put("StatusCode", (long) outcome.statusCode());
    dot.put("Error", outcome.errorText());
    for (int i = 0; i < req.results().size(); i++) {
      CustomRequirementSpec.Result result = req.results().get(i);
      String path = req.path() + ".results[" + i + "]";
      if (holds(result.condition(), outcome, env, dot, path)) {
        return new CheckResult(req.id(), "custom", "", outcome.describe(), verdict(result.status()),
            message(result.message(), env, dot, path + ".message"));
      }
    }
    return new CheckResult(req.id(), "custom", "", outcome.describe(), Verdict.ERROR,
        "no result of \"" + req.message().text() + "\" matched what the command gave");
  }

  private static boolean holds(CustomRequirementSpec.Condition condition, CommandOutcome outcome,
      TemplateEnvironment env, Map<String, Object> dot, String path) {
    if (condition.statusCode().isPresent()
        && Numbers.parseInt(condition.statusCode().get()).orElse(Integer.MIN_VALUE) != outcome.statusCode()) {
      return false;
    }
    if (condition.error().isPresent() && Boolean.parseBoolean(condition.error().get()) != outcome.error()) {
      return false;
    }
    return condition.boolExpr().isBlank()
        || isTrue(Template.parse(condition.boolExpr(), path + ".condition.bool_expr").render(env, dot));
  }

  /** The message, its {@code {{.name}}} replaced by the arg {@code name} rendered. */
  private static String message(CustomRequirementSpec.Message message, TemplateEnvironment env,
      Map<String, Object> dot, String path) {
    Map<String, String> args = new LinkedHashMap<>();
    message.args().forEach((name, raw) ->
        args.put(name, Template.parse(raw, path + ".args." + name).render(env, dot)));
    Matcher m = ARG.matcher(message.text());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Verdict verdict(String status) {
    return switch (status) {
      case "success" -> Verdict.OK;
      case "warn" -> Verdict.WARN;
      default -> Verdict.ERROR;
    };
  }

  /** Go's strconv.ParseBool, which Replicated used to read these expressions. */
  static boolean isTrue(String text) {
    return switch (text.trim()) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      default -> false;
    };
  }
}
