package dev.ringlet.examples.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.LoggedQuery;
import dev.ringlet.api.QueryLog;
import dev.ringlet.junit.CassandraCluster;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One annotation: a node starts (or is shared with other classes asking for the same one), the shop
 * keyspace and schema are created once, every table is emptied after each test, and the tests get a
 * session bound to the keyspace.
 */
@CassandraCluster(keyspace = "shop", schema = "classpath:db/shop.cql")
class CartRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private CartRepository carts;

  @BeforeEach
  void setUp(CqlSession session) {
    carts = new CartRepository(session);
  }

  @Test
  void should_add_items_to_a_cart() {
    UUID cart = carts.openCart("alice", NOW);

    carts.put(cart, new CartItem("book-42", 1, 1_500));
    carts.put(cart, new CartItem("pen-7", 3, 250));

    assertThat(carts.items(cart))
        .containsExactly(new CartItem("book-42", 1, 1_500), new CartItem("pen-7", 3, 250));
    assertThat(carts.totalCents(cart)).isEqualTo(2_250);
  }

  @Test
  void should_replace_the_line_of_a_product_added_again() {
    UUID cart = carts.openCart("alice", NOW);
    carts.put(cart, new CartItem("pen-7", 1, 250));

    carts.put(cart, new CartItem("pen-7", 5, 250));

    assertThat(carts.items(cart)).containsExactly(new CartItem("pen-7", 5, 250));
  }

  @Test
  void should_remove_an_item_and_clear_a_cart() {
    UUID cart = carts.openCart("bob", NOW);
    carts.put(cart, new CartItem("book-42", 1, 1_500));
    carts.put(cart, new CartItem("pen-7", 2, 250));

    carts.remove(cart, "book-42");
    assertThat(carts.items(cart)).extracting(CartItem::sku).containsExactly("pen-7");

    carts.clear(cart);
    assertThat(carts.items(cart)).isEmpty();
  }

  @Test
  void should_find_the_latest_cart_of_a_customer() {
    carts.openCart("carol", NOW.minusSeconds(3_600));
    UUID latest = carts.openCart("carol", NOW);

    assertThat(carts.latestCart("carol")).contains(latest);
    assertThat(carts.latestCart("dave")).isEmpty();
  }

  @Test
  void should_clear_a_cart_with_one_partition_delete(QueryLog queryLog) {
    UUID cart = carts.openCart("erin", NOW);
    carts.put(cart, new CartItem("pen-7", 2, 250));

    carts.clear(cart);

    // What the repository really sent: one prepared DELETE of the whole partition, not one per line.
    List<LoggedQuery> deletes = queryLog.statements().stream().filter(q -> q.queryContains("DELETE")).toList();
    assertThat(deletes).singleElement().satisfies(delete -> {
      assertThat(delete.kind()).isEqualTo(LoggedQuery.Kind.EXECUTE);
      assertThat(delete.query()).isEqualTo("DELETE FROM cart_items WHERE cart_id = ?");
      assertThat(delete.values()).containsExactly(cart);
      assertThat(delete.keyspace()).isEqualTo("shop");
    });
  }

  @Test
  void should_start_every_test_with_empty_tables(CqlSession session) {
    assertThat(session.execute("SELECT * FROM cart_items").all()).isEmpty();
    assertThat(session.execute("SELECT * FROM carts_by_customer").all()).isEmpty();
  }
}
