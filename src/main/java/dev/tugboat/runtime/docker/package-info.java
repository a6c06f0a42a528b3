/**
 * The Docker Engine implementation of {@code ContainerRuntime}, with docker-java over the
 * httpclient5 transport. docker-java types never leave this package: {@link
 * dev.tugboat.runtime.docker.DockerRuntime} delegates to one small class per concern (config
 * mapping, inspect mapping, exec, logs, the event stream, images, engine facts, failures).
 *
 * <p>Engine 20.10 (API 1.41) behaviour handled here, each explained where it is handled: no client
 * API version is set ({@code DockerClients}); imported images need exposed ports set explicitly and
 * a command ({@code DockerContainerConfigMapper}); files are copied as a tar into the created
 * container ({@code DockerContainers}, {@code TarArchive}); the event stream ends without
 * reconnecting ({@code DockerEventStream}); the response timeout is ignored on the Unix socket
 * ({@code DockerClients}), so every call that is not a stream runs with a deadline of its own
 * ({@code DockerCalls}, {@code DockerDeadlines}); the default bridge may list no gateway ({@code BridgeGateway}).
 *
 * <p>Threading: docker-java runs each stream (events, followed logs, exec output) on a thread of its
 * own; listeners are called there.
 */
package dev.tugboat.runtime.docker;
