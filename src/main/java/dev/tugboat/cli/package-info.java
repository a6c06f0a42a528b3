/**
 * Command-line entry points: one class per command.
 */
package dev.tugboat.cli;
