package dev.tugboat.events;

/** A private port of a running instance and the host port Docker bound it to (0: not bound). */
public record BoundPort(int privatePort, String protocol, String hostAddress, int hostPort) {}
