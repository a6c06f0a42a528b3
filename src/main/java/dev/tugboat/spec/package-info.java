/**
 * The app spec: immutable records of a Replicated-format spec, YAML loading that keeps every
 * value's source position, and validation rules that report problems with a rule id and
 * {@code file:line:column}. Knows nothing of Docker, threads or HTTP; everything here is immutable and
 * safe to share.
 */
package dev.tugboat.spec;
