package dev.ringlet.internal.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cluster.FailureReason;
import dev.ringlet.internal.cluster.ReadFailureException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failure answers as a coordinator reads them, and when they end a request. */
class ReplicaFailuresTest {

  @Test
  void should_read_the_reason_a_failure_answer_names_first() {
    assertThat(FailureReason.ofFailureText("READ_TOO_MANY_TOMBSTONES 100001")).isEqualTo(FailureReason.READ_TOO_MANY_TOMBSTONES);
    assertThat(FailureReason.ofFailureText("INCOMPATIBLE_SCHEMA unknown table id x")).isEqualTo(FailureReason.INCOMPATIBLE_SCHEMA);
    assertThat(FailureReason.ofFailureText("java.lang.IllegalStateException: boom")).isEqualTo(FailureReason.UNKNOWN);
    assertThat(FailureReason.ofFailureText(null)).isEqualTo(FailureReason.UNKNOWN);
    assertThat(TombstoneOverwhelmingException.tombstonesOf(new TombstoneOverwhelmingException(1001, 0, 0L).getMessage())).isEqualTo(1001);
    assertThat(TombstoneOverwhelmingException.tombstonesOf("UNKNOWN")).isEqualTo(-1);
  }

  @Test
  void should_fail_a_request_once_the_failures_leave_too_few_replicas_for_the_level() {
    ReplicaFailures failures = new ReplicaFailures();
    assertThat(failures.fatal(3, 2)).isFalse();
    failures.failed(new dev.ringlet.internal.cluster.Endpoint(new java.util.UUID(0, 1), "dc1", "r1"));
    // QUORUM of 3 live replicas: one failure leaves two, enough
    assertThat(failures.fatal(3, 2)).isFalse();
    // QUORUM with only the two replicas it contacted: one failure is one too many
    assertThat(failures.fatal(2, 2)).isTrue();
  }

  @Test
  void should_name_each_failed_replica_with_its_storage_port_as_cassandra_does() throws Exception {
    Map<InetAddress, FailureReason> reasons = new LinkedHashMap<>();
    reasons.put(InetAddress.getByName("127.0.0.2"), FailureReason.READ_TOO_MANY_TOMBSTONES);
    reasons.put(InetAddress.getByName("127.0.0.3"), FailureReason.UNKNOWN);
    assertThat(ReadFailureException.operationFailed(1, reasons)).isEqualTo("Operation failed - received 1 responses and 2"
        + " failures: READ_TOO_MANY_TOMBSTONES from /127.0.0.2:7000, UNKNOWN from /127.0.0.3:7000");
  }
}
