/**
 * The Docker Engine implementation of {@code ContainerRuntime}, with docker-java over the
 * httpclient5 transport. docker-java types never leave this package.
 */
package dev.tugboat.runtime.docker;
