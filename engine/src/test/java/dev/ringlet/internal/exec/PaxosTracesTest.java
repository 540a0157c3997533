package dev.ringlet.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The texts of 5.0's Paxos trace events for what the recorded scenarios do not cover. */
class PaxosTracesTest {

  private static final ColumnMetadata A = new ColumnMetadata("a", NativeType.TEXT, ColumnMetadata.Kind.PARTITION_KEY, 0, false);
  private static final ColumnMetadata B = new ColumnMetadata("b", NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 1, false);
  private static final ColumnMetadata C = new ColumnMetadata("c", NativeType.BLOB, ColumnMetadata.Kind.CLUSTERING, 0, false);
  private static final ColumnMetadata FLAG = new ColumnMetadata("flag", NativeType.BOOLEAN, ColumnMetadata.Kind.REGULAR, -1, false);
  private static final ColumnMetadata IP = new ColumnMetadata("ip", NativeType.INET, ColumnMetadata.Kind.REGULAR, -1, false);
  private static final ColumnMetadata SCORES =
      new ColumnMetadata("scores", new MapType(NativeType.TEXT, NativeType.DOUBLE, false), ColumnMetadata.Kind.REGULAR, -1, false);
  private static final ColumnMetadata NOTES =
      new ColumnMetadata("notes", new ListType(NativeType.TEXT, false), ColumnMetadata.Kind.REGULAR, -1, false);
  private static final TableMetadata TABLE = new TableMetadata("ks", "t", UUID.randomUUID(), List.of(A, B), List.of(C),
      List.of(SCORES, IP, FLAG, NOTES), TableParams.defaults(), false, false);

  private static ByteBuffer text(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static DecoratedKey key() {
    return PartitionKeys.decorate(TABLE, List.of(text("x:y"), NativeType.INT.encode(7)));
  }

  @Test
  void should_print_a_proposal_as_5_0_prints_its_update() throws Exception {
    // Given: a row with single-cell values of several types and a map, written at timestamp 100
    RowUpdate row = new RowUpdate(new Clustering(List.of(ByteBuffer.wrap(new byte[] {0x0a, (byte) 0xff}))),
        LivenessInfo.of(100, 0, 0),
        DeletionTime.LIVE, Map.of("flag", Cell.live(NativeType.BOOLEAN.encode(true), 100),
            "ip", Cell.live(NativeType.INET.encode(InetAddress.getByName("10.0.0.1")), 100)),
        Map.of("scores", new ComplexColumn(DeletionTime.LIVE, Map.of(text("b"), Cell.live(NativeType.DOUBLE.encode(2.5), 100),
            text("a"), Cell.live(NativeType.DOUBLE.encode(1.0), 100)))));
    PartitionUpdate update = new PartitionUpdate(key(), DeletionTime.LIVE, List.of(), null, List.of(row));
    UUID ballot = PaxosTraces.ballot(100, UUID.randomUUID());

    // Then: simple cells before complex ones, each by name; map entries by key; the composite key joined by ':'
    assertThat(PaxosTraces.commit("Accepted", TABLE, ballot, update)).isEqualTo("Accepted(" + ballot.timestamp() + ":"
        + ballot + ", 100:key=x\\:y:7\n    Row: c=0aff | flag=true, ip=10.0.0.1, scores={a -> 1.0, b -> 2.5})");
    assertThat(ballot.version()).isEqualTo(1);
    assertThat((ballot.timestamp() - 0x01B21DD213814000L) / 10).as("the ballot's time, in micros").isEqualTo(100);
  }

  @Test
  void should_print_an_empty_proposal_with_5_0_s_timestamp_epoch() {
    UUID ballot = PaxosTraces.ballot(1_000_000, new UUID(0, 42));
    assertThat(PaxosTraces.commit("Accepted", TABLE, ballot, LocalPaxos.empty(key())))
        .endsWith(", 1442880000000000:key=x\\:y:7)");
  }

  @Test
  void should_print_the_current_values_with_expiring_cells_and_only_the_fetched_columns() {
    // Given: a condition on flag; the row has an expiring flag and a list the read does not fetch
    Clustering c = new Clustering(List.of(ByteBuffer.wrap(new byte[] {1})));
    LiveRow row = new LiveRow(c, new LivenessInfo(5, 10, 60), Map.of("flag", new Cell(NativeType.BOOLEAN.encode(false), 5, 10, 60,
        false)), Map.of("notes", Map.of(ByteBuffer.wrap(new byte[16]), Cell.live(text("n"), 5))));
    LivePartition current = new LivePartition(key(), LiveRow.EMPTY_STATIC, List.of(row));
    PaxosTraces.CasRead read = PaxosTraces.CasRead.of(TABLE, List.of(c), false, false, List.of(FLAG));

    // Then
    assertThat(read.columns()).containsExactly(FLAG);
    assertThat(PaxosTraces.current(TABLE, read, key(), current)).isEqualTo("[ks.t] key=x\\:y:7 partition_deletion="
        + "deletedAt=-9223372036854775808, localDeletion=2147483647 columns=[[] | [flag]]\n"
        + "    Row[info=[ts=5 ttl=10, let=60] ]: c=01 | [flag=false ts=5 ttl=10 ldt=60]");
  }

  @Test
  void should_read_all_regular_columns_in_storage_order_when_the_statement_writes_rows() {
    PaxosTraces.CasRead read = PaxosTraces.CasRead.of(TABLE, List.of(), true, false, List.of());
    assertThat(read.columns()).containsExactly(FLAG, IP, NOTES, SCORES);
    assertThat(read.namesQuery()).as("no row is named: a slice").isFalse();
  }
}
