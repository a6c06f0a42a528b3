package dev.tugboat.daemon;

import dev.tugboat.files.ByteSizes;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host as a support engineer first asks about it: OS release, kernel, CPUs, memory, uptime,
 * and the free space of the disks that hold the daemon's state and Docker's data. Read from
 * {@code /etc} and {@code /proc}; a fact that cannot be read says why in its place.
 */
final class HostReport {

  private HostReport() {}

  /** The report; {@code disks} names each directory whose file system is shown. */
  static String text(Map<String, Path> disks) {
    List<String> lines = new ArrayList<>();
    lines.add("hostname: " + first("/proc/sys/kernel/hostname"));
    lines.add("os: " + osName());
    lines.add("kernel: " + first("/proc/sys/kernel/osrelease") + " ("
        + System.getProperty("os.arch") + ")");
    lines.add("cpus: " + Runtime.getRuntime().availableProcessors());
    Map<String, String> memory = meminfo();
    lines.add("memory: total " + memory.getOrDefault("MemTotal", "unknown") + ", available "
        + memory.getOrDefault("MemAvailable", "unknown") + ", swap total "
        + memory.getOrDefault("SwapTotal", "unknown") + ", swap free "
        + memory.getOrDefault("SwapFree", "unknown"));
    lines.add("uptime: " + uptime());
    lines.add("load average: " + first("/proc/loadavg"));
    lines.add("java: " + System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
    for (Map.Entry<String, Path> disk : disks.entrySet()) {
      lines.add("disk of " + disk.getKey() + " (" + disk.getValue() + "): " + disk(disk.getValue()));
    }
    lines.add("");
    lines.add("/etc/os-release:");
    lines.add(read("/etc/os-release").strip());
    return String.join("\n", lines) + "\n";
  }

  private static String osName() {
    for (String line : read("/etc/os-release").split("\n")) {
      if (line.startsWith("PRETTY_NAME=")) {
        return line.substring("PRETTY_NAME=".length()).replace("\"", "");
      }
    }
    return System.getProperty("os.name") + " (no PRETTY_NAME in /etc/os-release)";
  }

  private static Map<String, String> meminfo() {
    Map<String, String> found = new LinkedHashMap<>();
    for (String line : read("/proc/meminfo").split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        found.put(line.substring(0, colon), line.substring(colon + 1).strip());
      }
    }
    return found;
  }

  private static String uptime() {
    String text = first("/proc/uptime");
    try {
      long seconds = (long) Double.parseDouble(text.split(" ")[0]);
      return String.format("%dd %02dh %02dm", seconds / 86_400, seconds % 86_400 / 3600,
          seconds % 3600 / 60);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static String disk(Path directory) {
    try {
      FileStore store = Files.getFileStore(directory);
      long total = store.getTotalSpace();
      long free = store.getUsableSpace();
      return String.format("%s on %s: %s free of %s (%d%% used)", store.type(), store.name(),
          ByteSizes.of(free), ByteSizes.of(total), total == 0 ? 0 : 100 - free * 100 / total);
    } catch (IOException | RuntimeException e) {
      return "cannot be read (" + e + ")";
    }
  }

  private static String first(String file) {
    String text = read(file).strip();
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException | RuntimeException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
