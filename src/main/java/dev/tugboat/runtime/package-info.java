/**
 * Our view of a container engine: {@link dev.tugboat.runtime.ContainerRuntime} and its value types
 * (records; sealed interfaces for closed sets such as {@link dev.tugboat.runtime.RuntimeEvent},
 * {@link dev.tugboat.runtime.StreamEnd} and {@link dev.tugboat.runtime.Mount}). Implementations:
 * {@code runtime.docker} (the Docker Engine) and, for unit tests, {@code InMemoryRuntime} in the
 * test sources of this package; both pass {@code ContainerRuntimeContract}. {@link
 * dev.tugboat.runtime.VolumeArchive} reads and writes a volume's data as a tar stream for
 * snapshots ({@code runtime.docker}'s through the engine's archive endpoints; {@code
 * InMemoryVolumeArchive} in the test sources). Knows nothing of the spec format.
 *
 * <p>Threading: runtime calls block until the engine answered, so callers run them off the event
 * loop. Event and log listeners are called on a thread of the runtime, one call at a time, and must
 * only hand over what they receive. Failures are {@link dev.tugboat.runtime.RuntimeFailure}s whose
 * kind separates "engine unreachable" (nothing is known) from a container's own fate.
 */
package dev.tugboat.runtime;
