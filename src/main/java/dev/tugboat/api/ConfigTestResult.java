package dev.tugboat.api;

/**
 * What a config item's test procedure found.
 *
 * @param item the config item
 * @param test the test's display name
 * @param verdict {@code ok}, {@code warn} or {@code error}
 * @param message the vendor's message for it (secrets masked)
 * @param outcome what its command gave ({@code exit 0}), for the operator who asks why
 */
public record ConfigTestResult(String item, String test, String verdict, String message,
    String outcome) {}
