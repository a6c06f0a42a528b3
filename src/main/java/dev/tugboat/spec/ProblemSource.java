package dev.tugboat.spec;

import java.util.List;

/**
 * Anything that finds problems in a loaded spec: the {@link SpecValidator}, and checks owned by other
 * packages (such as full template parsing) that report through the same {@link Problem} output.
 */
@FunctionalInterface
public interface ProblemSource {
  List<Problem> problems(AppSpec spec);
}
