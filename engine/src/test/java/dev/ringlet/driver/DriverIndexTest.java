package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.metadata.schema.IndexKind;
import com.datastax.oss.driver.api.core.metadata.schema.IndexMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secondary indexes through the driver: Spring Data's {@code CREATE INDEX IF NOT EXISTS}, the
 * driver's schema metadata, queries an index serves, and vector search on an SAI index.
 */
class DriverIndexTest {

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .build();
  }

  @Test
  void should_create_indexes_show_them_in_metadata_and_query_through_them() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.customers (id int PRIMARY KEY, email text, age int, tags set<text>)");
      session.execute("USE ks");
      // What Spring Data Cassandra's @Indexed issues, twice (a restart of the application).
      session.execute("CREATE INDEX IF NOT EXISTS ON customers (email);");
      session.execute("CREATE INDEX IF NOT EXISTS ON customers (email);");
      session.execute("CREATE CUSTOM INDEX age_sai ON customers (age) USING 'StorageAttachedIndex'");
      session.execute("CREATE INDEX ON customers (tags)");
      session.execute("INSERT INTO customers (id, email, age, tags) VALUES (1, 'a@x.org', 30, {'vip'})");
      session.execute("INSERT INTO customers (id, email, age, tags) VALUES (2, 'b@x.org', 40, {'new'})");
      session.execute("INSERT INTO customers (id, email, age) VALUES (3, 'a@x.org', 50)");

      TableMetadata table = session.getMetadata().getKeyspace("ks").get().getTable("customers").get();
      Map<CqlIdentifier, IndexMetadata> indexes = table.getIndexes();
      assertThat(indexes.keySet()).extracting(CqlIdentifier::asInternal)
          .containsExactlyInAnyOrder("customers_email_idx", "age_sai", "customers_tags_idx");
      IndexMetadata email = indexes.get(CqlIdentifier.fromInternal("customers_email_idx"));
      assertThat(email.getKind()).isEqualTo(IndexKind.COMPOSITES);
      assertThat(email.getTarget()).isEqualTo("email");
      IndexMetadata age = indexes.get(CqlIdentifier.fromInternal("age_sai"));
      assertThat(age.getKind()).isEqualTo(IndexKind.CUSTOM);
      assertThat(age.getClassName()).contains("StorageAttachedIndex");
      assertThat(indexes.get(CqlIdentifier.fromInternal("customers_tags_idx")).getTarget()).isEqualTo("values(tags)");

      assertThat(ids(session.execute("SELECT id FROM customers WHERE email = 'a@x.org'").all())).containsExactlyInAnyOrder(1, 3);
      assertThat(ids(session.execute("SELECT id FROM customers WHERE age > 35").all())).containsExactlyInAnyOrder(2, 3);
      assertThat(ids(session.execute("SELECT id FROM customers WHERE tags CONTAINS 'vip'").all())).containsExactly(1);
      assertThat(ids(session.execute(SimpleStatement.newInstance("SELECT id FROM customers WHERE email = ?", "b@x.org"))
          .all())).containsExactly(2);
      // A legacy index serves equality only.
      assertThatThrownBy(() -> session.execute("SELECT id FROM customers WHERE email > 'a'"))
          .isInstanceOf(InvalidQueryException.class).hasMessageContaining("ALLOW FILTERING");

      session.execute("DROP INDEX customers_email_idx");
      table = session.getMetadata().getKeyspace("ks").get().getTable("customers").get();
      assertThat(table.getIndexes().keySet()).extracting(CqlIdentifier::asInternal)
          .containsExactlyInAnyOrder("age_sai", "customers_tags_idx");
      assertThatThrownBy(() -> session.execute("SELECT id FROM customers WHERE email = 'a@x.org'"))
          .isInstanceOf(InvalidQueryException.class).hasMessageContaining("ALLOW FILTERING");
      // Indexes stay correct across TRUNCATE: the rows are gone, the index still serves.
      session.execute("TRUNCATE customers");
      assertThat(session.execute("SELECT id FROM customers WHERE age > 0").all()).isEmpty();
    }
  }

  @Test
  void should_find_nearest_vectors_with_the_index_similarity_function() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.items (id int PRIMARY KEY, v vector<float, 2>)");
      session.execute("CREATE CUSTOM INDEX ON ks.items (v) USING 'StorageAttachedIndex'"
          + " WITH OPTIONS = {'similarity_function': 'euclidean'}");
      session.execute("INSERT INTO ks.items (id, v) VALUES (1, [1.0, 1.0])");
      session.execute("INSERT INTO ks.items (id, v) VALUES (2, [5.0, 5.0])");
      session.execute("INSERT INTO ks.items (id, v) VALUES (3, [10.0, 10.0])");

      List<Row> rows = session.execute(SimpleStatement.newInstance(
          "SELECT id FROM ks.items ORDER BY v ANN OF ? LIMIT 2", CqlVector.newInstance(6.0f, 6.0f))).all();
      // Euclidean: (5,5) is nearest to (6,6), then (10,10) at distance² 32 before (1,1) at 50.
      assertThat(ids(rows)).containsExactly(2, 3);
      assertThatThrownBy(() -> session.execute("SELECT id FROM ks.items ORDER BY v ANN OF [1.0, 1.0]"))
          .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Top-K queries must have a limit");
    }
  }

  private static List<Integer> ids(List<Row> rows) {
    return rows.stream().map(r -> r.getInt("id")).toList();
  }

  @Test
  void should_read_through_a_legacy_index_and_filter_sai_relations_without_their_analyser() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.users (id int PRIMARY KEY, email text, status text)");
      session.execute("CREATE CUSTOM INDEX ON ks.users (email) USING 'StorageAttachedIndex' WITH OPTIONS = {'case_sensitive': 'false'}");
      session.execute("CREATE INDEX ON ks.users (status)");
      session.execute("INSERT INTO ks.users (id, email, status) VALUES (1, 'Bob@Example.com', 'active')");

      // alone, the SAI index matches whatever the case
      assertThat(session.execute("SELECT id FROM ks.users WHERE email = 'bob@example.com'").all()).hasSize(1);
      // with the legacy index, 5.0 reads through it and filters email as written (as recorded in app_accounts)
      assertThatThrownBy(() -> session.execute("SELECT id FROM ks.users WHERE status = 'active' AND email = 'bob@example.com'"))
          .hasMessageContaining("ALLOW FILTERING");
      assertThat(session.execute("SELECT id FROM ks.users WHERE status = 'active' AND email = 'bob@example.com' ALLOW FILTERING")
          .all()).isEmpty();
      assertThat(session.execute("SELECT id FROM ks.users WHERE status = 'active' AND email = 'Bob@Example.com' ALLOW FILTERING")
          .all()).hasSize(1);
    }
  }
}
