/**
 * The HTTP API (Netty) and the dashboard's static files. Reads immutable snapshots only.
 */
package dev.tugboat.api;
