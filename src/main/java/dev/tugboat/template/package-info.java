/**
 * The {@code {{repl}}} template language: Go text/template syntax and semantics with Replicated's
 * delimiters and function library. {@link dev.tugboat.template.Template#parse} reads a template
 * once, when a spec loads, into an immutable tree (syntax errors, unknown functions and wrong
 * argument counts are {@link dev.tugboat.template.TemplateException}s with field path, line and
 * column); {@link dev.tugboat.template.Template#render} evaluates it against a {@link
 * dev.tugboat.template.TemplateEnvironment} when a container is about to start; {@link
 * dev.tugboat.template.ForwardingTemplateEnvironment} is the base for an environment that answers
 * some facts itself and forwards the rest to another.
 *
 * <p>Inside: {@code Lexer}/{@code ActionLexer} (tokens), {@code Parser}/{@code PipelineParser}/{@code
 * OperandParser} (the tree of {@code Node}s and {@code Operand}s), {@code Evaluator}/{@code
 * Pipelines} (Go's evaluation rules), {@code FunctionLibrary} with Go's builtins and Replicated's
 * functions, and the Go formatting rules they print with ({@code GoFormat}, {@code GoPrintf},
 * {@code GoFloat}, {@code GoStrconv}, {@code GoTimeLayout}).
 *
 * <p>Nothing but {@code TemplateException} leaves parsing or rendering, whatever the input: nesting
 * deeper than 100 levels, more than 5 million evaluation steps or more than 8 MiB of output are
 * errors, not stack overflows or hangs. Parsed templates are immutable and may be rendered from
 * any thread; a rendering uses only the calling thread. No Docker, threads or I/O here.
 */
package dev.tugboat.template;
