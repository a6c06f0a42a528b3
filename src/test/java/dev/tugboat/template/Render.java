package dev.tugboat.template;

import static org.assertj.core.api.Assertions.fail;

/** Test shorthands: render a template against the standard fake environment, or get its error. */
final class Render {
  static final String FIELD = "components[1].containers[0].env_vars[0].value";

  private Render() {}

  static String render(String source) {
    return Template.parse(source, FIELD).render(FakeEnvironment.standard());
  }

  static String render(String source, TemplateEnvironment env) {
    return Template.parse(source, FIELD).render(env);
  }

  /** The full message of the TemplateException that parsing or rendering throws. */
  static String error(String source) {
    return thrown(() -> render(source)).getMessage();
  }

  /** The message without the field path and position. */
  static String detail(String source) {
    return thrown(() -> render(source)).detail();
  }

  static TemplateException thrown(Runnable action) {
    try {
      action.run();
    } catch (TemplateException e) {
      return e;
    }
    return fail("expected a TemplateException");
  }
}
