package dev.ringlet.internal.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.exec.ScannedTombstones;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One request's counting of what its read commands scan, command by command. */
class ScanCounterTest {

  private static final long NOW = 1_000;
  private static final ClusteringComparator CMP = new ClusteringComparator(List.of(NativeType.INT), List.of(false));
  private static final DecoratedKey KEY = new DecoratedKey(7, ByteBuffer.wrap(new byte[] {0, 0, 0, 1}));
  private static final DecoratedKey OTHER = new DecoratedKey(9, ByteBuffer.wrap(new byte[] {0, 0, 0, 2}));

  private static Clustering c(int i) {
    return new Clustering(List.of(NativeType.INT.encode(i)));
  }

  /** Live rows at 10, 30 and 50; deleted rows 11..16 and 31..41 between them. */
  private static PartitionUpdate partition() {
    List<RowUpdate> rows = new ArrayList<>();
    for (int i = 10; i <= 50; i++) {
      if (i == 10 || i == 30 || i == 50) {
        rows.add(new RowUpdate(c(i), LivenessInfo.of(5, 0, NOW), DeletionTime.LIVE,
            Map.of("v", Cell.live(NativeType.INT.encode(i), 5)), Map.of()));
      } else if ((i >= 11 && i <= 16) || (i >= 31 && i <= 41)) {
        rows.add(new RowUpdate(c(i), LivenessInfo.EMPTY, new DeletionTime(6, NOW), Map.of(), Map.of()));
      }
    }
    return new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, rows);
  }

  private static int count(ScanCounter counter, RowSlice slice) {
    PartitionUpdate p = partition();
    return counter.add(KEY, ScanCounter.count(p, slice, counter.names(), CMP, NOW));
  }

  @Test
  void should_forget_the_rows_after_the_one_the_executor_stopped_at() {
    ScanCounter counter = new ScanCounter();
    assertThat(count(counter, RowSlice.ALL)).isEqualTo(17);
    counter.stoppedAfter(KEY, 2);
    assertThat(counter.endCommand(5)).isEqualTo(new ScannedTombstones.Scanned(2, 6, 7));
    // each command starts from zero
    assertThat(counter.endCommand(0)).isNull();
  }

  @Test
  void should_warn_only_past_the_threshold() {
    ScanCounter counter = new ScanCounter();
    count(counter, RowSlice.ALL);
    assertThat(counter.endCommand(17)).isNull();
    count(counter, RowSlice.ALL);
    assertThat(counter.endCommand(16)).isEqualTo(new ScannedTombstones.Scanned(3, 17, 7));
  }

  @Test
  void should_read_the_partition_a_page_resumes_in_only_after_its_last_row() {
    ScanCounter counter = new ScanCounter();
    counter.resumesAfter(KEY, c(30));
    RowSlice bounds = counter.scanBounds(KEY, RowSlice.ALL, CMP);
    assertThat(count(counter, bounds)).isEqualTo(11);
    assertThat(counter.endCommand(10)).isEqualTo(new ScannedTombstones.Scanned(1, 11, 7));
    // other partitions are read whole; a page that starts after the partition does not read it
    assertThat(counter.scanBounds(OTHER, RowSlice.ALL, CMP)).isEqualTo(RowSlice.ALL);
    counter.resumesAfter(KEY, null);
    assertThat(counter.scanBounds(KEY, RowSlice.ALL, CMP)).isNull();
  }

  @Test
  void should_count_only_the_named_rows() {
    ScanCounter counter = new ScanCounter();
    counter.readOnly(List.of(c(10), c(12), c(50)));
    assertThat(count(counter, RowSlice.ALL)).isEqualTo(1);
    assertThat(counter.endCommand(0)).isEqualTo(new ScannedTombstones.Scanned(2, 1, 7));
  }
}
