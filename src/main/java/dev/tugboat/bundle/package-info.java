/**
 * Bundles for air-gapped hosts: one tar holding a spec, every image it names ({@code docker save},
 * one part per image) and a manifest with each part's size and SHA-256. Making one
 * ({@link BundleWriter}), checking one before anything is loaded ({@link BundleVerifier}) and
 * loading its images ({@link BundleLoader}) through {@link dev.tugboat.runtime.ImageArchive}.
 * Knows nothing of HTTP or docker-java; everything here blocks and runs on its caller's thread.
 */
package dev.tugboat.bundle;
