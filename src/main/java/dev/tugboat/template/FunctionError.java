package dev.tugboat.template;

/**
 * A function's own failure ("strconv.ParseInt: parsing \"x\": invalid syntax"); the evaluator
 * reports it as Go does: {@code error calling ParseInt: ...} at the call's position.
 */
final class FunctionError extends RuntimeException {
  FunctionError(String message) {
    super(message, null, false, false);
  }
}
