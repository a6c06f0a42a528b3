package dev.tugboat.daemon;

import static dev.tugboat.daemon.AppIntent.Wanted.STARTED;
import static dev.tugboat.daemon.AppIntent.Wanted.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootChoiceTest {

  private static final Optional<BootChoice.LatestRun> LIVE =
      Optional.of(new BootChoice.LatestRun(false, false));
  private static final Optional<BootChoice.LatestRun> STOPPED_RUN =
      Optional.of(new BootChoice.LatestRun(true, false));
  private static final Optional<BootChoice.LatestRun> INTERRUPTED =
      Optional.of(new BootChoice.LatestRun(true, true));

  @Test
  void firstStartEverStartsTheApp() {
    assertThat(BootChoice.of(Optional.empty(), Optional.empty())).isEqualTo(BootChoice.START_NEW);
  }

  @Test
  void runUnderWayIsResumedNotStartedAgain() {
    assertThat(BootChoice.of(Optional.of(STARTED), LIVE)).isEqualTo(BootChoice.RESUME);
    assertThat(BootChoice.of(Optional.empty(), LIVE)).isEqualTo(BootChoice.RESUME);
  }

  @Test
  void stopAskedButNotFinishedIsFinished() {
    assertThat(BootChoice.of(Optional.of(STOPPED), LIVE)).isEqualTo(BootChoice.RESUME_AND_STOP);
  }

  @Test
  void appTheOperatorStoppedStaysStopped() {
    assertThat(BootChoice.of(Optional.of(STOPPED), STOPPED_RUN))
        .isEqualTo(BootChoice.STAY_STOPPED);
    assertThat(BootChoice.of(Optional.empty(), STOPPED_RUN)).isEqualTo(BootChoice.STAY_STOPPED);
    assertThat(BootChoice.of(Optional.of(STOPPED), Optional.empty()))
        .isEqualTo(BootChoice.STAY_STOPPED);
  }

  @Test
  void startAskedAfterTheLastRunEndedStartsANewRunEvenIfTheDaemonDiedBeforeItsJournal() {
    assertThat(BootChoice.of(Optional.of(STARTED), STOPPED_RUN)).isEqualTo(BootChoice.START_NEW);
  }

  @Test
  void interruptedRunIsFollowedByANewOneUnlessTheOperatorStoppedTheApp() {
    assertThat(BootChoice.of(Optional.of(STARTED), INTERRUPTED)).isEqualTo(BootChoice.START_NEW);
    assertThat(BootChoice.of(Optional.empty(), INTERRUPTED)).isEqualTo(BootChoice.START_NEW);
    assertThat(BootChoice.of(Optional.of(STOPPED), INTERRUPTED))
        .isEqualTo(BootChoice.STAY_STOPPED);
  }
}
