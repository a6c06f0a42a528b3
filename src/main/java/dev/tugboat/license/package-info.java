/**
 * The vendor's license for this installation: the file the operator installs ({@link LicenseReader}
 * reads it, {@link LicenseStore} keeps it in the state directory), and the template facts that come
 * from it and from the app's release history ({@link LicenseFacts}). Knows nothing of Docker or
 * HTTP. Values are immutable records; the store is the only thing that writes.
 */
package dev.tugboat.license;
