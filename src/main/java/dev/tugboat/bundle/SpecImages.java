package dev.tugboat.bundle;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ComponentSpec;
import dev.tugboat.spec.ContainerSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every image a spec names, in every {@code when} branch (a container skipped on one host runs on
 * another), each with the containers that run it and where the first is written. An image written
 * with a template is refused: its value is only known on the customer's host, with its settings,
 * and a bundle must carry the very images that host will run.
 */
public final class SpecImages {

  public static final String TEMPLATE_RULE = "bundle-image-template";

  /** An image and who runs it; {@code position}: the first container's {@code image_name}. */
  public record SpecImage(String image, List<String> containers, SourcePosition position) {
    public SpecImage {
      containers = List.copyOf(containers);
    }
  }

  /** The images, in the order the spec names them, and the templated ones refused. */
  public record Found(List<SpecImage> images, List<Problem> problems) {
    public Found {
      images = List.copyOf(images);
      problems = List.copyOf(problems);
    }
  }

  private SpecImages() {}

  /**
   * {@code image_name:version} for every container, as a host with no registry configured for
   * its {@code source} runs it (images loaded from a bundle keep exactly that name).
   */
  public static Found of(AppSpec spec) {
    Map<String, List<String>> users = new LinkedHashMap<>();
    Map<String, SourcePosition> positions = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (int c = 0; c < spec.components().size(); c++) {
      ComponentSpec component = spec.components().get(c);
      for (int i = 0; i < component.containers().size(); i++) {
        ContainerSpec container = component.containers().get(i);
        String path = "components[" + c + "].containers[" + i + "]";
        String image = container.imageName() + (container.version().isEmpty() ? ""
            : ":" + container.version());
        if (image.contains("{{")) {
          String field = container.imageName().contains("{{") ? "image_name" : "version";
          problems.add(Problem.error(TEMPLATE_RULE, path + "." + field,
              spec.sourceMap().at(path + "." + field), "container " + container.ref()
                  + ": image '" + image + "' holds a template, so which image the host runs"
                  + " is only known there: a bundle carries fixed images; write image_name and"
                  + " version without templates to bundle this spec"));
          continue;
        }
        users.computeIfAbsent(image, k -> new ArrayList<>()).add(container.ref().toString());
        positions.putIfAbsent(image, spec.sourceMap().at(path + ".image_name"));
      }
    }
    List<SpecImage> images = new ArrayList<>();
    users.forEach((image, who) -> images.add(new SpecImage(image, who, positions.get(image))));
    return new Found(images, problems);
  }
}
