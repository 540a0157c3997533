package dev.ringlet.examples.bookstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.spring.AutoConfigureRinglet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application against a Ringlet cluster: {@code @AutoConfigureRinglet} replaces the
 * production contact points, creates the {@code bookstore} keyspace, and Spring Data creates the
 * tables ({@code spring.cassandra.schema-action} in application.properties).
 */
@SpringBootTest
@AutoConfigureRinglet
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogueTest {

  @Autowired
  Catalogue catalogue;

  @Test
  @Order(1)
  void should_list_an_isbn_only_once() {
    Book first = new Book("978-0134685991", "Effective Java", List.of("Joshua Bloch"), Set.of("java"));
    Book impostor = new Book("978-0134685991", "Not Effective Java", List.of("Someone"), Set.of());

    assertThat(catalogue.list(first)).isTrue();
    assertThat(catalogue.list(impostor)).isFalse();

    assertThat(catalogue.find("978-0134685991")).hasValueSatisfying(b -> assertThat(b.title()).isEqualTo("Effective Java"));
  }

  @Test
  @Order(2)
  void should_count_deliveries() {
    catalogue.receive("978-1617294945", 3);
    catalogue.receive("978-1617294945", 2);

    assertThat(catalogue.inStock("978-1617294945")).isEqualTo(5);
  }

  /** Runs after the two above: what they wrote is gone. */
  @Test
  @Order(3)
  void should_start_each_test_with_empty_tables() {
    assertThat(catalogue.find("978-0134685991")).isEmpty();
    assertThat(catalogue.inStock("978-1617294945")).isZero();
  }
}
