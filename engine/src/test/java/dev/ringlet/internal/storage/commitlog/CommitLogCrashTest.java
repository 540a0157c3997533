package dev.ringlet.internal.storage.commitlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.DiskAccess;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.sstable.SSTableStatistics.CommitLogBound;
import dev.ringlet.internal.time.ManualClock;
import dev.ringlet.internal.types.NativeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash keeps exactly what was synced: in PERIODIC mode on a manual clock the log syncs when the
 * clock passes the period, so a crash loses at most the writes since the last sync; in BATCH mode
 * nothing acknowledged. A failing disk fails the append and leaves the log readable.
 */
class CommitLogCrashTest {

  private static final UUID TABLE = new UUID(1, 1);

  @TempDir
  Path dir;

  private final ManualClock clock = new ManualClock(1_000_000_000L);
  private final DiskAccess disk = new DiskAccess();

  private static PartitionUpdate write(int k) {
    return new PartitionUpdate(new DecoratedKey(k, NativeType.INT.encode(k)), DeletionTime.LIVE, List.of(), null,
        List.of(new RowUpdate(Clustering.EMPTY, LivenessInfo.of(k, 0, 0), DeletionTime.LIVE,
            Map.of("v", Cell.live(NativeType.TEXT.encode("value " + k), k)))));
  }

  private CommitLog open(CommitLogOptions.Sync sync) throws IOException {
    return CommitLog.open(CommitLogOptions.defaults(dir, sync), clock, true, disk);
  }

  private List<Integer> replayed() throws IOException {
    List<Integer> keys = new ArrayList<>();
    try (CommitLog log = open(CommitLogOptions.Sync.BATCH)) {
      CommitLogReplayer.replay(log.segmentsToReplay(), id -> new CommitLogReplayer.Target() {
        @Override
        public CommitLogBound replayFloor() {
          return CommitLogBound.NONE;
        }

        @Override
        public void apply(PartitionUpdate update) {
          keys.add(update.key().key().getInt(0));
        }
      });
    }
    return keys;
  }

  @Test
  void should_lose_on_a_crash_only_the_writes_since_the_last_periodic_sync() throws IOException {
    CommitLog log = open(CommitLogOptions.Sync.PERIODIC);
    log.append(TABLE, write(1));
    clock.advance(Duration.ofSeconds(9));
    log.syncIfDue(); // not yet: 9 s < 10 s
    log.append(TABLE, write(2));
    clock.advance(Duration.ofSeconds(1));
    log.syncIfDue(); // 10 s: synced up to here
    log.append(TABLE, write(3));
    clock.advance(Duration.ofSeconds(9));
    log.syncIfDue();
    log.append(TABLE, write(4));

    log.crash();

    assertThat(replayed()).containsExactly(1, 2);
  }

  @Test
  void should_lose_nothing_acknowledged_on_a_crash_in_batch_mode() throws IOException {
    CommitLog log = open(CommitLogOptions.Sync.BATCH);
    for (int k = 0; k < 5; k++) {
      log.append(TABLE, write(k));
    }
    log.crash();
    assertThat(replayed()).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void should_fail_the_append_naming_the_directory_and_keep_earlier_entries_when_the_disk_is_full() throws IOException {
    CommitLog log = open(CommitLogOptions.Sync.BATCH);
    log.append(TABLE, write(1));
    disk.failCommitLogWrites("No space left on device");
    assertThatThrownBy(() -> log.append(TABLE, write(2))).isInstanceOf(UncheckedIOException.class)
        .hasMessage("commit log write failed in " + dir + ": No space left on device");
    disk.clear();
    log.append(TABLE, write(3));
    log.close();
    assertThat(replayed()).containsExactly(1, 3);
  }
}
