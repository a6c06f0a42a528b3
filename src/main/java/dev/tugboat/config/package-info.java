/**
 * The configuration screen: config items and their values (stored settings, value, default,
 * generated {@code cmds}), the settings file, and masking of secret values.
 */
package dev.tugboat.config;
