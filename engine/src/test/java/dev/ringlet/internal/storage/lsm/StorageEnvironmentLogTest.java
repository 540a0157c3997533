package dev.ringlet.internal.storage.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ringlet.internal.storage.FailurePolicy;
import dev.ringlet.internal.storage.StorageStoppedException;
import dev.ringlet.internal.time.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The storage's logger, made on first use, still reports through the application's SLF4J backend. */
class StorageEnvironmentLogTest {

  @Test
  void should_log_the_failure_that_stops_a_node_through_slf4j() {
    // Given the application's backend listening to the storage's logger
    ch.qos.logback.classic.Logger backend =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(StorageEnvironment.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    backend.addAppender(appender);
    List<FailurePolicy> applied = new ArrayList<>();
    try (StorageEnvironment storage = new StorageEnvironment(new ManualClock(0), null, 1 << 20, false,
        FailurePolicy.STOP, FailurePolicy.IGNORE, (policy, cause) -> applied.add(policy))) {

      // When a commit-log write fails under commit_failure_policy: stop
      RuntimeException thrown = storage.commitLogFailed(new UncheckedIOException("commit log write failed",
          new IOException("No space left on device")));

      // Then the node stops, and says why in the application's log
      assertThat(thrown).isInstanceOf(StorageStoppedException.class);
      assertThat(applied).containsExactly(FailurePolicy.STOP);
      assertThat(appender.list).hasSize(1);
      ILoggingEvent event = appender.list.get(0);
      assertThat(event.getLevel()).isEqualTo(Level.ERROR);
      assertThat(event.getLoggerName()).isEqualTo(StorageEnvironment.class.getName());
      assertThat(event.getFormattedMessage())
          .isEqualTo("Stopping the node: commit failure policy is stop (commit log write failed)");
    } finally {
      backend.detachAppender(appender);
    }
  }
}
