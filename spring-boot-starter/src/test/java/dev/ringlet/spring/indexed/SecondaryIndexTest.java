package dev.ringlet.spring.indexed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.spring.AutoConfigureRinglet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.cassandra.test.autoconfigure.DataCassandraTest;

/** Spring Data creates a secondary index for an {@code @Indexed} property; a derived query uses it. */
@DataCassandraTest(properties = {"spring.cassandra.keyspace-name=indexed",
    "spring.cassandra.schema-action=CREATE_IF_NOT_EXISTS"})
@AutoConfigureRinglet
class SecondaryIndexTest {

  @Autowired
  CustomerRepository customers;

  @Test
  void should_find_by_an_indexed_column() {
    customers.save(new Customer("c1", "ada@example.com"));
    customers.save(new Customer("c2", "bob@example.com"));

    assertThat(customers.findByEmail("bob@example.com")).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo("c2"));
  }
}
