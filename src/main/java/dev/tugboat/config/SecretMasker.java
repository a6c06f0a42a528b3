package dev.tugboat.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Knows the secret values of an app (values of {@code password} items, env vars marked {@code
 * is_excluded_from_support}) and hides them in any text: CLI output, logs, status, error messages.
 * Immutable; safe to share between threads.
 */
public final class SecretMasker {

  /** What a secret is replaced with, whatever its length. */
  public static final String MASK = "********";

  private static final SecretMasker NONE = new SecretMasker(List.of());

  // Longest first, so a secret that contains another shorter secret is hidden whole.
  private final List<String> secrets;

  private SecretMasker(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A masker that hides nothing. */
  public static SecretMasker none() {
    return NONE;
  }

  /** A masker for these values; empty and blank values are ignored (they would mask everything). */
  public static SecretMasker of(Collection<String> values) {
    Set<String> unique = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
        .thenComparing(Comparator.naturalOrder()));
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        unique.add(value);
      }
    }
    return new SecretMasker(List.copyOf(unique));
  }

  /** This masker plus more secret values. */
  public SecretMasker with(Collection<String> values) {
    List<String> all = new ArrayList<>(secrets);
    all.addAll(values);
    return of(all);
  }

  /** The text with every occurrence of every secret replaced by {@link #MASK}; null stays null. */
  public String mask(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }

  /** Whether this exact value is one of the secrets. */
  public boolean isSecret(String value) {
    return value != null && secrets.contains(value);
  }

  /** How many distinct secrets this masker hides. */
  public int size() {
    return secrets.size();
  }
}
