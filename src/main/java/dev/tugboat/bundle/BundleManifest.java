package dev.tugboat.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code manifest.json}, the first part of every bundle: which format it is, which app and version
 * it carries, the Tugboat that made it and when, and every other part with its size and SHA-256.
 * A saved format: fields are added, never renamed; a change a reader must understand raises
 * {@link #FORMAT}, and a reader refuses a format it does not know.
 */
public record BundleManifest(int format, String app, String version, String tugboatVersion,
    Instant created, List<BundlePart> parts) {

  public static final int FORMAT = 1;
  public static final String PATH = "manifest.json";
  /** A manifest lists a spec and some images: anything larger is not one. */
  static final int MAX_BYTES = 1024 * 1024;
  /**
   * The spec is read into memory: no larger than the API takes a spec upload (its default body
   * limit, {@code ApiLimits.defaults()}); a vendor's spec is a few kilobytes.
   */
  public static final long MAX_SPEC_BYTES = 1024 * 1024;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  public BundleManifest {
    parts = List.copyOf(parts);
  }

  public Optional<BundlePart> part(String path) {
    return parts.stream().filter(p -> p.path().equals(path)).findFirst();
  }

  public BundlePart spec() {
    return parts.stream().filter(p -> p.kind() == PartKind.SPEC).findFirst().orElseThrow();
  }

  public List<BundlePart> images() {
    return parts.stream().filter(p -> p.kind() == PartKind.IMAGE).toList();
  }

  /** Every image reference the bundle carries. */
  public List<String> imageReferences() {
    return images().stream().flatMap(p -> p.images().stream()).toList();
  }

  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", format);
    root.put("app", app);
    root.put("version", version);
    root.put("tugboat_version", tugboatVersion);
    root.put("created", created.toString());
    ArrayNode list = root.putArray("parts");
    for (BundlePart part : parts) {
      ObjectNode node = list.addObject();
      node.put("path", part.path());
      node.put("kind", part.kind().label());
      ArrayNode images = node.putArray("images");
      part.images().forEach(images::add);
      node.put("size", part.size());
      node.put("sha256", part.sha256());
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }

  /**
   * Reads a manifest; {@code readerVersion} (this Tugboat's) is named when its format is newer.
   *
   * @throws BundleException naming what is wrong with it
   */
  public static BundleManifest parse(byte[] json, String readerVersion) throws BundleException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw refused("is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw refused("must be a JSON object");
    }
    JsonNode format = root.get("format");
    if (format == null || !format.isInt()) {
      throw refused("has no format version ('format'): this is not a Tugboat bundle");
    }
    if (format.intValue() != FORMAT) {
      throw refused("is format " + format.intValue() + " (made by Tugboat "
          + root.path("tugboat_version").asText("?") + "); this Tugboat (" + readerVersion
          + ") reads format " + FORMAT + ": load it with a Tugboat at least as new as the one"
          + " that made it");
    }
    List<BundlePart> parts = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    JsonNode list = root.get("parts");
    if (list == null || !list.isArray()) {
      throw refused("has no list of parts ('parts')");
    }
    for (JsonNode node : list) {
      BundlePart part = part(node);
      if (!paths.add(part.path()) || part.path().equals(PATH)) {
        throw refused("lists part " + part.path() + " twice");
      }
      parts.add(part);
    }
    if (parts.stream().filter(p -> p.kind() == PartKind.SPEC).count() != 1) {
      throw refused("must list exactly one part of kind 'spec'");
    }
    Instant created;
    try {
      created = Instant.parse(text(root, "created"));
    } catch (DateTimeParseException e) {
      throw refused("'created' is not a time: " + root.path("created").asText());
    }
    return new BundleManifest(FORMAT, text(root, "app"), text(root, "version"),
        text(root, "tugboat_version"), created, parts);
  }

  private static BundlePart part(JsonNode node) throws BundleException {
    String path = text(node, "path");
    if (!PartPaths.safe(path)) {
      throw refused("lists part '" + path + "', a path outside the bundle or with characters a"
          + " part may not have: refused");
    }
    PartKind kind;
    try {
      kind = PartKind.of(text(node, "kind"));
    } catch (IllegalArgumentException e) {
      throw refused("part " + path + " has unknown kind '" + node.path("kind").asText() + "'");
    }
    JsonNode size = node.get("size");
    if (size == null || !size.canConvertToLong() || size.longValue() < 0) {
      throw refused("part " + path + " has no size");
    }
    if (kind == PartKind.SPEC && size.longValue() > MAX_SPEC_BYTES) {
      throw refused("lists the spec " + path + " at " + size.longValue() + " bytes; a spec is at"
          + " most " + MAX_SPEC_BYTES + " bytes: refused before it is read");
    }
    String sha = text(node, "sha256");
    if (!SHA256.matcher(sha).matches()) {
      throw refused("part " + path + " has no SHA-256 (64 lower-case hex digits)");
    }
    List<String> images = new ArrayList<>();
    node.path("images").forEach(image -> images.add(image.asText()));
    if (kind == PartKind.IMAGE && images.isEmpty()) {
      throw refused("image part " + path + " names no image");
    }
    return new BundlePart(path, kind, images, size.longValue(), sha);
  }

  private static String text(JsonNode node, String field) throws BundleException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw refused("has no '" + field + "'");
    }
    return value.asText();
  }

  private static BundleException refused(String what) {
    return new BundleException(PATH + " " + what);
  }
}
