/**
 * Our view of a container engine: {@code ContainerRuntime} and its value types. Implementations:
 * {@code runtime.docker} (the Docker Engine) and an in-memory one for tests. Knows nothing of the spec
 * format.
 */
package dev.tugboat.runtime;
