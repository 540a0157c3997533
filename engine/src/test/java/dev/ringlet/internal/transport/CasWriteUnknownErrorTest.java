package dev.ringlet.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.error.CASWriteUnknown;
import com.datastax.oss.protocol.internal.response.error.WriteTimeout;
import dev.ringlet.internal.cluster.CasWriteUnknownException;
import dev.ringlet.internal.cluster.ConsistencyLevel;
import org.junit.jupiter.api.Test;

/** An unknown CAS outcome is 0x1700 at protocol v5 and a CAS write timeout below, as Cassandra 5.0 encodes it. */
class CasWriteUnknownErrorTest {

  private final CasWriteUnknownException unknown = new CasWriteUnknownException(ConsistencyLevel.LOCAL_SERIAL, 1, 2);

  @Test
  void should_answer_cas_write_unknown_at_v5() {
    assertThat(Errors.toMessage(unknown, ProtocolConstants.Version.V5)).isInstanceOfSatisfying(CASWriteUnknown.class, e -> {
      assertThat(e.code).isEqualTo(0x1700);
      assertThat(e.message).isEqualTo("CAS operation result is unknown - proposal accepted by 1 but not a quorum.");
      assertThat(e.consistencyLevel).isEqualTo(ProtocolConstants.ConsistencyLevel.LOCAL_SERIAL);
      assertThat(e.received).isEqualTo(1);
      assertThat(e.blockFor).isEqualTo(2);
    });
  }

  @Test
  void should_answer_a_cas_write_timeout_with_the_same_numbers_at_v4_and_v3() {
    for (int version : new int[] {ProtocolConstants.Version.V4, ProtocolConstants.Version.V3}) {
      assertThat(Errors.toMessage(unknown, version)).isInstanceOfSatisfying(WriteTimeout.class, e -> {
        assertThat(e.code).isEqualTo(0x1100);
        assertThat(e.message).isEqualTo("Operation timed out - received only 1 responses.");
        assertThat(e.consistencyLevel).isEqualTo(ProtocolConstants.ConsistencyLevel.LOCAL_SERIAL);
        assertThat(e.received).isEqualTo(1);
        assertThat(e.blockFor).isEqualTo(2);
        assertThat(e.writeType).isEqualTo("CAS");
      });
    }
  }

  @Test
  void should_answer_a_cas_write_timeout_with_its_contentions_for_the_wire_codec() {
    dev.ringlet.internal.cluster.CasWriteTimeoutException timeout = new dev.ringlet.internal.cluster.CasWriteTimeoutException(
        ConsistencyLevel.SERIAL, 1, 2, dev.ringlet.internal.cluster.WriteType.CAS, 4);
    for (int version : new int[] {ProtocolConstants.Version.V5, ProtocolConstants.Version.V4}) {
      assertThat(Errors.toMessage(timeout, version)).isInstanceOfSatisfying(dev.ringlet.wire.CasWriteTimeout.class, e -> {
        assertThat(e.code).isEqualTo(0x1100);
        assertThat(e.message).isEqualTo("CAS operation timed out: received 1 of 2 required responses after 4 contention retries");
        assertThat(e.consistencyLevel).isEqualTo(ProtocolConstants.ConsistencyLevel.SERIAL);
        assertThat(e.received).isEqualTo(1);
        assertThat(e.blockFor).isEqualTo(2);
        assertThat(e.writeType).isEqualTo("CAS");
        assertThat(e.contentions).isEqualTo(4);
      });
    }
  }
}
