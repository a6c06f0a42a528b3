package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

  private static final String TAG = "W/\"0123456789abcdef0123456789abcdef\"";

  @Test
  void aHeaderNamingTheTagMatchesWeaklyAlsoInAListOrAsStar() {
    assertThat(EntityTags.matches(TAG, TAG)).isTrue();
    assertThat(EntityTags.matches("\"0123456789abcdef0123456789abcdef\"", TAG)).isTrue();
    assertThat(EntityTags.matches("W/\"old\", " + TAG, TAG)).isTrue();
    assertThat(EntityTags.matches("*", TAG)).isTrue();
  }

  @Test
  void noHeaderOrAnotherTagDoesNotMatch() {
    assertThat(EntityTags.matches(null, TAG)).isFalse();
    assertThat(EntityTags.matches("", TAG)).isFalse();
    assertThat(EntityTags.matches("W/\"old\"", TAG)).isFalse();
    assertThat(EntityTags.matches("0123456789abcdef0123456789abcdef", TAG))
        .as("an unquoted value is not the tag").isFalse();
  }

  @Test
  void theTagIsDerivedFromTheBytes() {
    assertThat(EntityTags.of(new byte[] {1, 2})).isEqualTo(EntityTags.of(new byte[] {1, 2}))
        .isNotEqualTo(EntityTags.of(new byte[] {1, 3}));
  }
}
