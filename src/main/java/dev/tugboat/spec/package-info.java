/**
 * The app spec: immutable records of a Replicated-format spec, YAML loading that keeps every
 * value's source position, and validation rules that report problems with a rule id and
 * {@code file:line:column}. Knows nothing of Docker, threads or HTTP; everything here is immutable and
 * safe to share.
 *
 * <p>Record conventions: strings are raw, exactly as written (templates are parsed by
 * {@code dev.tugboat.template}, not here) and {@code ""} when absent, never null; lists and maps are
 * immutable and empty when absent; optional sub-sections are {@link java.util.Optional}. Numbers and
 * booleans that Replicated accepts as strings ({@code "5432"}, {@code "true"}) load either way.
 *
 * <p>Loading ({@link dev.tugboat.spec.SpecLoader}) uses only SnakeYAML's node API, so no Java object
 * is ever built from a YAML tag; a file that cannot be read at all is a
 * {@link dev.tugboat.spec.SpecLoadException} with a one-line message, while everything else about a
 * readable file is a {@link dev.tugboat.spec.Problem}. Field paths ({@code
 * components[0].containers[1].ports[0].private_port}) map to positions through
 * {@link dev.tugboat.spec.SourceMap}.
 *
 * <p>Validation ({@link dev.tugboat.spec.SpecValidator}) runs {@link dev.tugboat.spec.ValidationRule}s,
 * each a stable id and a check grouped by theme ({@code EventRules}, {@code ConfigRules}, ...); the
 * event order they reason about is {@link dev.tugboat.spec.EventGraph}. Checks owned by other
 * packages report through the same {@link dev.tugboat.spec.Problem} by implementing
 * {@link dev.tugboat.spec.ProblemSource}. Rule ids are listed in {@code docs/spec-validation.md}.
 */
package dev.tugboat.spec;
