package dev.tugboat.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A log tail keeps the newest lines within both bounds and says when bytes cut it. */
class LogTailTest {

  @Test
  void keepsTheLastLinesUpToTheLineBound() {
    LogTail tail = LogTail.of(List.of("a", "b", "c", "d"), new LogTail.Limits(2, 1000));
    assertThat(tail.lines()).containsExactly("c", "d");
    assertThat(tail.cut()).isFalse();
  }

  @Test
  void keepsTheNewestLinesThatFitTheByteBoundCountingANewlineEach() {
    LogTail tail = LogTail.of(List.of("1111", "2222", "3333"), new LogTail.Limits(10, 10));
    assertThat(tail.lines()).containsExactly("2222", "3333");
    assertThat(tail.cut()).isTrue();
  }

  @Test
  void aSingleLineLongerThanTheBoundKeepsItsEndWholeCharacters() {
    LogTail tail = LogTail.of(List.of("start-éééé"), new LogTail.Limits(10, 6));
    assertThat(tail.lines()).containsExactly("éé");
    assertThat(tail.cut()).isTrue();
  }
}
