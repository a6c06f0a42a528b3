/**
 * Files that must survive a crash or a power loss: the atomic replace of a whole file, a new file
 * to append to, a private directory, and keeping an unreadable file aside for the operator. One
 * place for these, since each step (fsync of the file, rename, fsync of the directory) is easy to
 * forget and a forgotten one loses data only on the day the power fails.
 *
 * <p>Everything here is 0600 (directories 0700): the files it writes hold secrets, journals and
 * container output. Stateless static helpers, safe from any thread; knows nothing of the rest of
 * Tugboat, so every package may use it.
 */
package dev.tugboat.files;
