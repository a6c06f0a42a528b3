package dev.tugboat.template;

/**
 * A {@link TemplateEnvironment} fact that is not known yet, such as the port of a container that has
 * not started. The message names what is missing; the evaluator adds the template's position.
 */
public final class UnavailableFactException extends RuntimeException {
  public UnavailableFactException(String message) {
    super(message);
  }
}
