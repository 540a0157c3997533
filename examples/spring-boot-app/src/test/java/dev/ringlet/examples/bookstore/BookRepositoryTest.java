package dev.ringlet.examples.bookstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.api.RingletCluster;
import dev.ringlet.spring.AutoConfigureRinglet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.cassandra.test.autoconfigure.DataCassandraTest;

/** Only the data layer: the {@code @DataCassandraTest} slice, on the same Ringlet cluster as the other test. */
@DataCassandraTest
@AutoConfigureRinglet
class BookRepositoryTest {

  @Autowired
  BookRepository books;

  @Autowired
  RingletCluster cluster;

  @Test
  void should_store_authors_and_subjects() {
    books.save(new Book("978-1491950357", "Cassandra: The Definitive Guide", List.of("Jeff Carpenter", "Eben Hewitt"),
        Set.of("databases", "cassandra")));

    Book read = books.findById("978-1491950357").orElseThrow();

    assertThat(read.authors()).containsExactly("Jeff Carpenter", "Eben Hewitt");
    assertThat(read.subjects()).containsExactlyInAnyOrder("databases", "cassandra");
  }

  @Test
  void should_run_on_a_single_node_cluster() {
    assertThat(cluster.nodes()).hasSize(1);
    assertThat(cluster.localDatacenter()).isEqualTo("datacenter1");
  }
}
