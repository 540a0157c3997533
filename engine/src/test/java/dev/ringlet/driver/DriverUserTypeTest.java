package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver sees user types in its schema metadata and reads element-stored UDT and list columns. */
class DriverUserTypeTest {

  @Test
  void should_expose_created_and_altered_user_types_in_driver_metadata() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = CqlSession.builder()
            .addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter())
            .build()) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TYPE ks.address (street text, zip int)");
      session.execute("ALTER TYPE ks.address ADD city text");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, a address, l list<int>)");
      session.execute("UPDATE ks.t SET a.city = 'Lyon', l = l + [1, 2] WHERE k = 1");
      session.execute("UPDATE ks.t SET l = [0] + l WHERE k = 1");

      UserDefinedType type = session.getMetadata().getKeyspace("ks").get().getUserDefinedType("address").get();
      assertThat(type.getFieldNames()).extracting(Object::toString).containsExactly("street", "zip", "city");
      assertThat(type.getFieldTypes()).containsExactly(DataTypes.TEXT, DataTypes.INT, DataTypes.TEXT);
      UdtValue a = session.execute("SELECT a FROM ks.t WHERE k = 1").one().getUdtValue("a");
      assertThat(a.getString("city")).isEqualTo("Lyon");
      assertThat(a.isNull("street")).isTrue();
      assertThat(session.execute("SELECT l FROM ks.t WHERE k = 1").one().getList("l", Integer.class)).isEqualTo(List.of(0, 1, 2));
    }
  }
}
