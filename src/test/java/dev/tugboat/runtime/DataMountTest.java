package dev.tugboat.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A host directory is one piece of data however the spec spells its path. */
class DataMountTest {

  @Test
  void aHostPathIsNormalisedSoSpellingsOfOneDirectoryAreOneAndSystemPathsShowThrough() {
    DataMount data = new DataMount(DataMount.Kind.HOST_PATH, "/data");
    assertThat(new DataMount(DataMount.Kind.HOST_PATH, "/data/")).isEqualTo(data);
    assertThat(new DataMount(DataMount.Kind.HOST_PATH, "/data/./")).isEqualTo(data);
    assertThat(new DataMount(DataMount.Kind.HOST_PATH, "/srv/../data")).isEqualTo(data);
    assertThat(new DataMount(DataMount.Kind.HOST_PATH, "/srv/..").source()).isEqualTo("/");
  }
}
