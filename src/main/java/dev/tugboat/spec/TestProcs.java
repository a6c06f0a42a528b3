package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads each config item's {@code test_proc} from the plain data the loader kept. */
public final class TestProcs {
  private TestProcs() {}

  /** Every config item's test procedure, in spec order (options of select items included). */
  public static List<TestProcSpec> of(AppSpec spec) {
    List<TestProcSpec> procs = new ArrayList<>();
    for (Located<ConfigItemSpec> item : SpecWalk.configItemsAndOptions(spec)) {
      Map<String, Object> raw = item.value().testProc();
      if (raw.isEmpty()) {
        continue;
      }
      String path = item.child("test_proc");
      Optional<CustomRequirementSpec> check = Requirements.asMap(raw.get("custom_command"))
          .map(command -> {
            Map<String, Object> asRequirement = new LinkedHashMap<>();
            asRequirement.put("id", item.value().name());
            asRequirement.put("message", raw.get("display_name"));
            asRequirement.put("results", raw.get("results"));
            asRequirement.put("command", command);
            return Requirements.custom(path, asRequirement);
          });
      procs.add(new TestProcSpec(item.value().name(), path,
          Requirements.string(raw.get("display_name")).strip(),
          SpecTree.isTrue(raw.get("run_on_save")), check,
          Requirements.string(raw.get("command")).strip()));
    }
    return List.copyOf(procs);
  }

  /** The test of {@code item}, if it has one. */
  public static Optional<TestProcSpec> of(AppSpec spec, String item) {
    return of(spec).stream().filter(proc -> proc.item().equals(item)).findFirst();
  }
}
