package dev.tugboat.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.docs.CompatibilityPage;
import org.junit.jupiter.api.Test;

/** docs/compatibility.md lists every template function Tugboat has, and no other but Replicated's marked unknown. */
class FunctionCompatibilityTest {
  @Test
  void thePageListsExactlyTheFunctionLibrary() throws Exception {
    assertThat(CompatibilityPage.read().differences("Template functions",
        FunctionLibrary.standard().names(), "the function library")).isEmpty();
  }
}
