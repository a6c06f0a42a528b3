package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadedSpecTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: demo
      version: "2"
      components:
      - name: app
        containers:
        - source: public
          image_name: web
          version: 2
      """;

  @Test
  void aValidSpecIsLoaded() {
    UploadedSpec uploaded = UploadedSpec.check("v2.yml", bytes(SPEC));
    assertThat(uploaded.spec().version()).isEqualTo("2");
  }

  @Test
  void errorsAreListedWithTheNameTheClientGaveAndLineAndColumn() {
    String broken = SPEC + """
            publish_events:
            - name: up
              trigger: container-start
              subscriptions:
              - component: app
                container: nope
                action: start
        """;
    assertThatThrownBy(() -> UploadedSpec.check("specs/v2.yml", bytes(broken)))
        .isInstanceOf(AppRefusal.class)
        .satisfies(e -> assertThat(((AppRefusal) e).reason()).isEqualTo(AppRefusal.Reason.INVALID))
        .hasMessage("specs/v2.yml has 1 error; nothing was changed:\nspecs/v2.yml:15:20: error"
            + " [subscription-target-exists] subscription of event \"up\" names container"
            + " app/nope, which does not exist");
  }

  @Test
  void unreadableYamlIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> UploadedSpec.check("<request body>", bytes("name: [unclosed\n")))
        .isInstanceOf(AppRefusal.class)
        .message().startsWith("<request body>:").endsWith("; nothing was changed");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
