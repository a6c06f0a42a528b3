package dev.tugboat.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HostPathAccessTest {

  @Test
  void permissionIsOctalWithOrWithoutTheLeadingZeroAndSpecialBits() {
    assertThat(HostPathAccess.parse("0755", "").mode()).isEqualTo(OptionalInt.of(0755));
    assertThat(HostPathAccess.parse("700", "").mode()).isEqualTo(OptionalInt.of(0700));
    assertThat(HostPathAccess.parse("2775", "").mode()).isEqualTo(OptionalInt.of(02775));
    assertThat(HostPathAccess.parse(" ", "").isNone()).isTrue();
  }

  @Test
  void aPermissionThatIsNoOctalModeIsRefusedWithAnExample() {
    for (String bad : new String[] {"rwxr-x---", "0855", "75", "077777", "0x1ed"}) {
      assertThatThrownBy(() -> HostPathAccess.parse(bad, ""))
          .hasMessage("permission \"" + bad + "\" is not an octal mode; write it like 0755 or"
              + " 0700");
    }
  }

  @Test
  void ownerIsAUserOrUserAndGroupByIdOrName() {
    FileOwner ids = HostPathAccess.parse("", "999:998").owner().orElseThrow();
    assertThat(ids.userId()).contains(999);
    assertThat(ids.groupId()).contains(998);
    FileOwner name = FileOwner.parse("postgres");
    assertThat(name.userId()).isEmpty();
    assertThat(name.group()).isEmpty();
    assertThat(FileOwner.parse("postgres:ssl-cert").group()).contains("ssl-cert");
    assertThat(new HostPathAccess(OptionalInt.of(0750), Optional.of(ids)))
        .hasToString("mode 0750, owner 999:998");
    assertThatThrownBy(() -> FileOwner.parse("999 999"))
        .hasMessage("owner \"999 999\" is not a user or user:group; write it like 999, 999:999"
            + " or postgres");
    assertThatThrownBy(() -> FileOwner.parse("a:b:c")).isInstanceOf(IllegalArgumentException.class);
  }
}
