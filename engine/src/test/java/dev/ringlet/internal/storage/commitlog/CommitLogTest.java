package dev.ringlet.internal.storage.commitlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.sstable.SSTableStatistics.CommitLogBound;
import dev.ringlet.internal.types.NativeType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit log replays what it holds, stops cleanly at a torn or corrupt tail, and recycles flushed segments. */
class CommitLogTest {

  private static final UUID T1 = new UUID(1, 1);
  private static final UUID T2 = new UUID(2, 2);

  @TempDir
  Path dir;

  private static PartitionUpdate write(int k) {
    return new PartitionUpdate(new DecoratedKey(k, NativeType.INT.encode(k)), DeletionTime.LIVE, List.of(), null,
        List.of(new RowUpdate(Clustering.EMPTY, LivenessInfo.of(k, 0, 0), DeletionTime.LIVE,
            Map.of("v", Cell.live(NativeType.TEXT.encode("value " + k), k)))));
  }

  private static final class Collect implements CommitLogReplayer.Target {
    final List<Integer> keys = new ArrayList<>();
    CommitLogBound floor = CommitLogBound.NONE;

    @Override
    public CommitLogBound replayFloor() {
      return floor;
    }

    @Override
    public void apply(PartitionUpdate update) {
      keys.add(update.key().key().getInt(0));
    }
  }

  private CommitLog open(CommitLogOptions.Sync sync) throws IOException {
    return CommitLog.open(CommitLogOptions.defaults(dir, sync));
  }

  @Test
  void should_replay_every_entry_in_order_for_each_sync_mode() throws IOException {
    for (CommitLogOptions.Sync sync : CommitLogOptions.Sync.values()) {
      try (CommitLog log = open(sync)) {
        for (int k = 0; k < 10; k++) {
          log.append(k % 2 == 0 ? T1 : T2, write(k));
        }
      }
      try (CommitLog log = open(sync)) {
        Collect t1 = new Collect();
        CommitLogReplayer.Result r = CommitLogReplayer.replay(log.segmentsToReplay(), id -> id.equals(T1) ? t1 : null);
        assertThat(t1.keys).containsExactly(0, 2, 4, 6, 8);
        assertThat(r.skipped()).isEqualTo(5);
        assertThat(r.stoppedAt()).isNull();
        log.discardReplayed();
      }
    }
  }

  @Test
  void should_stop_replay_at_a_torn_tail_and_keep_what_came_before() throws IOException {
    try (CommitLog log = open(CommitLogOptions.Sync.BATCH)) {
      for (int k = 0; k < 5; k++) {
        log.append(T1, write(k));
      }
    }
    Path segment = newestSegment();
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 7); // the last entry is torn
    }
    try (CommitLog log = open(CommitLogOptions.Sync.BATCH)) {
      Collect t1 = new Collect();
      CommitLogReplayer.Result r = CommitLogReplayer.replay(log.segmentsToReplay(), id -> t1);
      assertThat(t1.keys).containsExactly(0, 1, 2, 3);
      assertThat(r.stoppedAt()).contains(segment.getFileName().toString()).contains("torn entry");
    }
  }

  @Test
  void should_stop_replay_at_a_corrupt_entry_and_skip_entries_already_flushed() throws IOException {
    CommitLogBound afterTwo;
    try (CommitLog log = open(CommitLogOptions.Sync.BATCH)) {
      log.append(T1, write(0));
      afterTwo = log.append(T1, write(1));
      for (int k = 2; k < 6; k++) {
        log.append(T1, write(k));
      }
    }
    Path segment = newestSegment();
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length - 30] ^= 0x10; // inside the last entry's body
    Files.write(segment, bytes);
    try (CommitLog log = open(CommitLogOptions.Sync.BATCH)) {
      Collect t1 = new Collect();
      t1.floor = afterTwo;
      CommitLogReplayer.Result r = CommitLogReplayer.replay(log.segmentsToReplay(), id -> t1);
      assertThat(t1.keys).containsExactly(2, 3, 4);
      assertThat(r.stoppedAt()).contains("checksum mismatch");
    }
  }

  @Test
  void should_refuse_damage_inside_the_log_unless_replay_errors_are_ignored() throws IOException {
    try (CommitLog log = CommitLog.open(smallSegments())) {
      for (int k = 0; k < 20; k++) {
        log.append(T1, write(k));
      }
    }
    List<Path> segments = segments();
    assertThat(segments).hasSizeGreaterThan(3);
    Path first = segments.get(0);
    byte[] bytes = Files.readAllBytes(first);
    bytes[bytes.length - 30] ^= 0x10; // the first segment's last entry: later segments hold acknowledged writes
    Files.write(first, bytes);

    Collect refused = new Collect();
    assertThatThrownBy(() -> CommitLogReplayer.replay(segments, id -> refused))
        .isInstanceOf(CommitLogReplayer.CommitLogReplayException.class)
        .hasMessageContaining(first.getFileName().toString())
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining("-Dcassandra.commitlog.ignorereplayerrors=true");

    Collect ignoring = new Collect();
    CommitLogReplayer.Result r = CommitLogReplayer.replay(segments, id -> ignoring, true);
    assertThat(ignoring.keys).hasSize(19).isSorted().contains(0, 19); // only the damaged entry is lost
    assertThat(r.stoppedAt()).contains(first.getFileName().toString());
  }

  @Test
  void should_tolerate_a_torn_tail_followed_only_by_segments_without_entries() throws IOException {
    try (CommitLog log = open(CommitLogOptions.Sync.BATCH)) {
      for (int k = 0; k < 5; k++) {
        log.append(T1, write(k));
      }
    }
    Path torn = newestSegment();
    try (FileChannel ch = FileChannel.open(torn, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 7);
    }
    try (CommitLog log = open(CommitLogOptions.Sync.BATCH)) {
      assertThat(log.segmentsToReplay()).containsExactly(torn); // a start that stopped before replaying
    }
    try (CommitLog log = open(CommitLogOptions.Sync.BATCH)) {
      assertThat(log.segmentsToReplay()).hasSize(2).startsWith(torn);
      Collect t1 = new Collect();
      CommitLogReplayer.Result r = CommitLogReplayer.replay(log.segmentsToReplay(), id -> t1);
      assertThat(t1.keys).containsExactly(0, 1, 2, 3);
      assertThat(r.stoppedAt()).contains("torn entry");
    }
  }

  private CommitLogOptions smallSegments() {
    return new CommitLogOptions(dir, CommitLogOptions.Sync.PERIODIC, java.time.Duration.ofSeconds(10),
        java.time.Duration.ofMillis(15), 600, 1L << 30);
  }

  private List<Path> segments() throws IOException {
    try (var files = Files.list(dir)) {
      return files.sorted((a, b) -> Long.compare(CommitLogSegment.idOf(a.getFileName().toString()),
          CommitLogSegment.idOf(b.getFileName().toString()))).collect(java.util.stream.Collectors.toList());
    }
  }

  @Test
  void should_delete_segments_once_every_table_in_them_has_flushed() throws IOException {
    CommitLogOptions small = new CommitLogOptions(dir, CommitLogOptions.Sync.PERIODIC, java.time.Duration.ofSeconds(10),
        java.time.Duration.ofMillis(15), 600, 1L << 30);
    try (CommitLog log = CommitLog.open(small)) {
      for (int k = 0; k < 20; k++) {
        log.append(k < 10 ? T1 : T2, write(k));
      }
      int segments = log.segmentCount();
      assertThat(segments).isGreaterThan(3);
      log.discardCompleted(T1, log.currentPosition());
      assertThat(log.segmentCount()).isLessThan(segments);
      log.discardCompleted(T2, log.currentPosition());
      assertThat(log.segmentCount()).isEqualTo(1);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(1);
    }
  }

  @Test
  void should_ask_for_flushes_of_the_tables_in_the_oldest_segment_when_the_log_grows_too_large() throws IOException {
    CommitLogOptions tiny = new CommitLogOptions(dir, CommitLogOptions.Sync.PERIODIC, java.time.Duration.ofSeconds(10),
        java.time.Duration.ofMillis(15), 600, 1500);
    List<java.util.Set<UUID>> asked = new ArrayList<>();
    try (CommitLog log = CommitLog.open(tiny)) {
      log.onPressure(asked::add);
      for (int k = 0; k < 20; k++) {
        log.append(k < 3 ? T1 : T2, write(k));
      }
    }
    assertThat(asked).isNotEmpty();
    assertThat(asked.get(0)).contains(T1);
  }

  private Path newestSegment() throws IOException {
    try (var files = Files.list(dir)) {
      return files.max((a, b) -> Long.compare(CommitLogSegment.idOf(a.getFileName().toString()),
          CommitLogSegment.idOf(b.getFileName().toString()))).orElseThrow();
    }
  }
}
