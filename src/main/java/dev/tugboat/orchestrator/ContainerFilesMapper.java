package dev.tugboat.orchestrator;

import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.spec.ConfigFileSpec;
import dev.tugboat.spec.CustomerFileSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The files written into a container before it starts: {@code config_files} (contents rendered)
 * and {@code customer_files} (the contents of a {@code file} config item), with mode and owner.
 */
final class ContainerFilesMapper {

  private static final int DEFAULT_MODE = 0644;

  private ContainerFilesMapper() {}

  static List<FileToCopy> map(List<ConfigFileSpec> configFiles, List<CustomerFileSpec> customerFiles,
      Rendering r) {
    List<FileToCopy> files = new ArrayList<>();
    for (int i = 0; i < configFiles.size(); i++) {
      ConfigFileSpec file = configFiles.get(i);
      String field = "config_files[" + i + "]";
      if (r.when(file.when(), field + ".when")) {
        if (file.fromRepository().isPresent()) {
          // Validation refuses it first; never write an empty file in its place.
          throw new Launcher.LaunchException(r.path(field) + ": config file " + file.filename()
              + " is taken from " + file.fromRepository().get().describe() + ", which Tugboat"
              + " does not fetch; put its text in contents");
        }
        String contents = r.text(file.contents(), field + ".contents");
        files.add(file(r, field, r.text(file.filename(), field + ".filename"),
            contents.getBytes(StandardCharsets.UTF_8), file.fileMode(), file.fileOwner()));
      }
    }
    for (int i = 0; i < customerFiles.size(); i++) {
      CustomerFileSpec file = customerFiles.get(i);
      String field = "customer_files[" + i + "]";
      if (!r.when(file.when(), field + ".when")) {
        continue;
      }
      String item = r.text(file.name(), field + ".name");
      String data = r.env().configOptionData(item).orElseThrow(() -> new Launcher.LaunchException(
          r.path(field) + ": config item \"" + item + "\" has no file; upload one with "
              + "`tugboat config set " + item + "=@FILE` or remove the customer file"));
      files.add(file(r, field, r.text(file.filename(), field + ".filename"),
          data.getBytes(StandardCharsets.UTF_8), file.fileMode(), file.fileOwner()));
    }
    return files;
  }

  private static FileToCopy file(Rendering r, String field, String path, byte[] content,
      String modeText, String ownerText) {
    int mode = mode(r.text(modeText, field + ".file_mode").trim(), r.path(field + ".file_mode"));
    String owner = r.text(ownerText, field + ".file_owner").trim();
    try {
      return new FileToCopy(path.trim(), content, mode, owner);
    } catch (IllegalArgumentException e) {
      throw new Launcher.LaunchException(r.path(field) + ": " + e.getMessage());
    }
  }

  private static int mode(String text, String field) {
    if (text.isEmpty()) {
      return DEFAULT_MODE;
    }
    try {
      return Integer.parseInt(text, 8);
    } catch (NumberFormatException e) {
      throw new Launcher.LaunchException(field + ": expected an octal mode like 0644, got \""
          + text + "\"");
    }
  }
}
