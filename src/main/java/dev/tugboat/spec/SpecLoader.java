package dev.tugboat.spec;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads a spec file into an {@link AppSpec}. Only SnakeYAML's node API is used: the file is composed
 * into a tree of nodes with positions and read field by field; no Java object is ever constructed from
 * a YAML tag. Limits keep hostile input cheap: file size, alias count, nesting depth, and the size of
 * the tree once aliases are expanded.
 */
public final class SpecLoader {
  public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
  static final int MAX_ALIASES = 50;
  static final int MAX_NESTING_DEPTH = 50;

  /** Reads and loads {@code file}; its file name is what problems and errors print. */
  public LoadedSpec load(Path file) throws SpecLoadException {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new SpecLoadException(name, "is a directory, not a spec file");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw tooLarge(name, Files.size(file));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SpecLoadException(name, "no such file");
    } catch (IOException e) {
      throw new SpecLoadException(name, null, "cannot read the file: " + e.getMessage(), e);
    }
    return load(bytes, name);
  }

  /** Loads spec bytes, which must be UTF-8. */
  public LoadedSpec load(byte[] bytes, String fileName) throws SpecLoadException {
    if (bytes.length > MAX_FILE_BYTES) {
      throw tooLarge(fileName, bytes.length);
    }
    return load(decodeUtf8(bytes, fileName), fileName);
  }

  /** Loads spec text; {@code fileName} is what problems and errors print. */
  public LoadedSpec load(String text, String fileName) throws SpecLoadException {
    if (text.length() > MAX_FILE_BYTES) {
      throw tooLarge(fileName, text.length());
    }
    if (text.indexOf('\0') >= 0) {
      throw new SpecLoadException(fileName, "is a binary file (it contains NUL bytes), not a YAML spec");
    }
    LoadContext ctx = new LoadContext(fileName);
    Node root = compose(text, fileName);
    if (root == null) {
      throw new SpecLoadException(fileName, "is empty; a spec needs at least replicated_api_version and name");
    }
    if (!(root instanceof MappingNode)) {
      throw new SpecLoadException(ctx.position(root), "the spec must be a mapping of keys"
          + " (replicated_api_version, name, components, ...), found " + YamlNodes.describe(root));
    }
    NodeTreeGuard.check(root, ctx);
    AppSpec spec = new AppSpecReader(ctx).read(root);
    return new LoadedSpec(spec, ctx.problems(), text, SpecTree.of(root));
  }

  private static Node compose(String text, String fileName) throws SpecLoadException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(MAX_FILE_BYTES);
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    try {
      Composer composer =
          new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
              new Resolver(), options);
      // A spec is one document; a stream with several is read up to the first.
      return composer.checkNode() ? composer.getNode() : null;
    } catch (MarkedYAMLException e) {
      throw YamlErrors.loadError(fileName, e);
    } catch (YAMLException e) {
      throw new SpecLoadException(fileName, null, YamlErrors.describe(e), e);
    } catch (StackOverflowError e) {
      throw new SpecLoadException(fileName, "the YAML is nested too deeply to read");
    }
  }

  private static String decodeUtf8(byte[] bytes, String fileName) throws SpecLoadException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      if (containsNul(bytes)) {
        throw new SpecLoadException(fileName, "is a binary file, not a YAML spec");
      }
      throw new SpecLoadException(fileName, "is not UTF-8 text (byte "
          + firstInvalidByte(bytes) + "); save the spec as UTF-8");
    }
  }

  private static boolean containsNul(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  /** Where decoding fails, as "offset N", so an editor can find it. */
  private static String firstInvalidByte(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int low = 0;
    int high = bytes.length;
    // The shortest failing prefix ends at the bad byte (a prefix cut inside a character also fails,
    // hence "at or near").
    while (low < high) {
      int mid = (low + high) >>> 1;
      try {
        decoder.reset().decode(ByteBuffer.wrap(bytes, 0, mid + 1));
        low = mid + 1;
      } catch (CharacterCodingException e) {
        high = mid;
      }
    }
    return "at or near offset " + low;
  }

  private static SpecLoadException tooLarge(String fileName, long size) {
    return new SpecLoadException(fileName, "is " + size + " bytes, more than the limit of "
        + MAX_FILE_BYTES + " bytes (8 MiB) for a spec");
  }
}
