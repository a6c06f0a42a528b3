package dev.tugboat.license;

/** A license file that cannot be read or used; the message says which file, what and what to do. */
public final class LicenseException extends Exception {
  public LicenseException(String message) {
    super(message, null, false, false);
  }
}
