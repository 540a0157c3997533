package dev.ringlet.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringlet.spring.AutoConfigureRinglet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.cassandra.test.autoconfigure.DataCassandraTest;
import org.springframework.data.cassandra.core.CassandraTemplate;
import org.springframework.data.cassandra.core.InsertOptions;
import org.springframework.data.cassandra.core.UpdateOptions;
import org.springframework.data.cassandra.core.WriteResult;
import org.springframework.data.cassandra.core.query.CassandraPageRequest;
import org.springframework.data.domain.Slice;
import reactor.test.StepVerifier;

/**
 * Spring Data Cassandra through the {@code @DataCassandraTest} slice, the schema created by Spring
 * Data's CREATE_IF_NOT_EXISTS from the entities (tables, a UDT, a counter table).
 */
@DataCassandraTest(properties = {"spring.cassandra.keyspace-name=shop",
    "spring.cassandra.schema-action=CREATE_IF_NOT_EXISTS"})
@AutoConfigureRinglet
class DataCassandraSliceTest {

  @Autowired
  OrderRepository orders;

  @Autowired
  ReactiveOrderRepository reactiveOrders;

  @Autowired
  PageViewsRepository pageViews;

  @Autowired
  CassandraTemplate template;

  @Autowired
  CqlSession session;

  @Test
  void should_round_trip_an_entity_with_collections_and_a_udt() {
    ShopOrder order = order("ada");

    orders.save(order);

    ShopOrder read = orders.findById(order.getId()).orElseThrow();
    assertThat(read.getItems()).containsExactly("bolt", "nut", "bolt");
    assertThat(read.getTags()).containsExactlyInAnyOrder("express", "gift");
    assertThat(read.getQuantities()).containsExactlyInAnyOrderEntriesOf(Map.of("bolt", 2, "nut", 1));
    assertThat(read.getShipping()).isEqualTo(new Address("1 Main St", "Springfield"));
    assertThat(orders.findByCustomer("ada")).extracting(ShopOrder::getId).containsExactly(order.getId());
  }

  @Test
  void should_increment_a_counter() {
    pageViews.increment("/home");
    pageViews.increment("/home");
    pageViews.increment("/cart");

    assertThat(pageViews.findById("/home")).hasValueSatisfying(p -> assertThat(p.getViews()).isEqualTo(2));
    assertThat(pageViews.findById("/cart")).hasValueSatisfying(p -> assertThat(p.getViews()).isEqualTo(1));
  }

  @Test
  void should_write_with_a_ttl() {
    ShopOrder order = order("bob");

    template.insert(order, InsertOptions.builder().ttl(Duration.ofHours(1)).build());

    Row row = session.execute("SELECT TTL(customer) AS ttl FROM orders WHERE id = ?", order.getId()).one();
    assertThat(row.getInt("ttl")).isBetween(3500, 3600);
  }

  @Test
  void should_apply_an_insert_if_not_exists_only_once() {
    ShopOrder first = order("carl");
    ShopOrder second = order("dora");
    second.setId(first.getId());

    WriteResult applied = template.insert(first, InsertOptions.builder().withIfNotExists().build());
    WriteResult rejected = template.insert(second, InsertOptions.builder().withIfNotExists().build());

    assertThat(applied.wasApplied()).isTrue();
    assertThat(rejected.wasApplied()).isFalse();
    assertThat(orders.findById(first.getId())).hasValueSatisfying(o -> assertThat(o.getCustomer()).isEqualTo("carl"));
  }

  @Test
  void should_save_and_find_through_a_reactive_repository() {
    ShopOrder order = order("eve");

    StepVerifier.create(reactiveOrders.save(order).then(reactiveOrders.findById(order.getId())))
        .assertNext(read -> {
          assertThat(read.getCustomer()).isEqualTo("eve");
          assertThat(read.getShipping().getCity()).isEqualTo("Springfield");
        })
        .verifyComplete();
    StepVerifier.create(reactiveOrders.count()).expectNext(1L).verifyComplete();
  }

  @Test
  void should_update_only_an_existing_row_with_an_lwt() {
    ShopOrder absent = order("hal");
    ShopOrder present = order("ida");
    orders.save(present);
    present.setCustomer("ida b.");

    WriteResult notApplied = template.update(absent, UpdateOptions.builder().withIfExists().build());
    WriteResult applied = template.update(present, UpdateOptions.builder().withIfExists().build());

    assertThat(notApplied.wasApplied()).isFalse();
    assertThat(applied.wasApplied()).isTrue();
    assertThat(orders.findById(absent.getId())).isEmpty();
    assertThat(orders.findById(present.getId())).hasValueSatisfying(o -> assertThat(o.getCustomer()).isEqualTo("ida b."));
  }

  @Test
  void should_page_through_a_table_in_slices() {
    for (int i = 0; i < 5; i++) {
      orders.save(order("page" + i));
    }

    Slice<ShopOrder> first = orders.findAll(CassandraPageRequest.first(2));
    Slice<ShopOrder> second = orders.findAll(first.nextPageable());
    Slice<ShopOrder> third = orders.findAll(second.nextPageable());

    assertThat(first.getContent()).hasSize(2);
    assertThat(second.getContent()).hasSize(2);
    assertThat(third.getContent()).hasSize(1);
    assertThat(third.hasNext()).isFalse();
    assertThat(java.util.stream.Stream.of(first, second, third).flatMap(Slice::stream).map(ShopOrder::getCustomer))
        .containsExactlyInAnyOrder("page0", "page1", "page2", "page3", "page4");
  }

  @Test
  void should_write_a_logged_batch() {
    ShopOrder a = order("jo");
    ShopOrder b = order("kim");

    WriteResult result = template.batchOps().insert(a, b).execute();

    assertThat(result.wasApplied()).isTrue();
    assertThat(orders.findAllById(List.of(a.getId(), b.getId()))).hasSize(2);
  }

  @Test
  void should_delete_through_the_repository() {
    ShopOrder order = orders.save(order("lu"));

    orders.deleteById(order.getId());

    assertThat(orders.existsById(order.getId())).isFalse();
  }

  static ShopOrder order(String customer) {
    return new ShopOrder(UUID.randomUUID(), customer, List.of("bolt", "nut", "bolt"), Set.of("gift", "express"),
        Map.of("bolt", 2, "nut", 1), new Address("1 Main St", "Springfield"));
  }
}
