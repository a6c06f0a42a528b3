/**
 * The {@code {{repl}}} template language (Go text/template syntax with Replicated's delimiters):
 * lexer, parser, evaluator and the function library. Templates are parsed once when a spec loads and
 * evaluated against a {@link dev.tugboat.template.TemplateEnvironment} when a container is about to
 * start. Parsed templates are immutable and may be evaluated from any thread.
 */
package dev.tugboat.template;
