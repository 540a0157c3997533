package dev.ringlet.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The application's keyspace is emptied after each test method: the second test starts clean. */
@SpringBootTest(properties = {"ringlet.enabled=true", "spring.cassandra.keyspace-name=shop",
    "spring.cassandra.schema-action=CREATE_IF_NOT_EXISTS"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBetweenTestsTest {

  @Autowired
  OrderRepository orders;

  @Autowired
  PageViewsRepository pageViews;

  @Test
  @Order(1)
  void writes() {
    orders.save(DataCassandraSliceTest.order("gus"));
    pageViews.increment("/home");

    assertThat(orders.count()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void should_see_no_data_of_the_previous_test() {
    assertThat(orders.count()).isZero();
    assertThat(pageViews.findById("/home")).isEmpty();
  }
}
