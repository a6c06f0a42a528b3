package dev.tugboat.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Waits until no address of the host is still being announced, before a browser test loads a page.
 *
 * <p>Chromium fails every connection it is still setting up, loopback ones included, with
 * {@code ERR_NETWORK_CHANGED} whenever the host gains or loses an address. Docker gives the host's
 * end of each container's veth an IPv6 link-local address, which the kernel keeps tentative and
 * announces only when duplicate address detection ends, about two seconds after the container
 * started. A page whose scripts load in that window breaks; once no address is tentative, nothing
 * changes until a container stops.
 */
final class TentativeAddresses {

  private static final Path IF_INET6 = Path.of("/proc/net/if_inet6");
  private static final int TENTATIVE = 0x40;
  // An address whose duplicate detection failed stays tentative and is never announced.
  private static final int DAD_FAILED = 0x08;

  private TentativeAddresses() {
  }

  /** Returns once no IPv6 address is tentative; a host without IPv6 has none to wait for. */
  static void awaitNone(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> still = tentative();
    while (!still.isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("host addresses still tentative after " + timeout.toSeconds()
            + " s (" + IF_INET6 + "): " + still);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the host's addresses", e);
      }
      still = tentative();
    }
  }

  /** The lines of /proc/net/if_inet6 (address, index, prefix, scope, flags, name) still tentative. */
  private static List<String> tentative() {
    try {
      return Files.readAllLines(IF_INET6).stream()
          .filter(line -> {
            String[] fields = line.trim().split("\\s+");
            return fields.length == 6
                && (Integer.parseInt(fields[4], 16) & (TENTATIVE | DAD_FAILED)) == TENTATIVE;
          })
          .toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
