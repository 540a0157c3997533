package dev.ringlet.examples.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.junit.CassandraCluster;
import dev.ringlet.junit.Isolation;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same cluster as {@link CartRepositoryTest} (same spec, so it is shared), but every test gets a
 * keyspace of its own with the schema in it: tests never see each other's rows, even when run in
 * parallel.
 */
@CassandraCluster(keyspace = "checkout", schema = "classpath:db/shop.cql", isolation = Isolation.FRESH_KEYSPACE)
class CheckoutFlowTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @ParameterizedTest(name = "{0} x {1} cents = {2}")
  @CsvSource({"1, 999, 999", "3, 250, 750", "10, 0, 0"})
  void should_total_a_line(int quantity, long unitPrice, long expectedTotal, CqlSession session) {
    CartRepository carts = new CartRepository(session);
    UUID cart = carts.openCart("erin", NOW);

    carts.put(cart, new CartItem("sku", quantity, unitPrice));

    assertThat(carts.totalCents(cart)).isEqualTo(expectedTotal);
    assertThat(session.execute("SELECT * FROM cart_items").all()).hasSize(1);
  }

  @Nested
  class WhenACustomerComesBack {

    @Test
    void should_find_the_cart_they_left(CqlSession session, RingletCluster cluster) {
      CartRepository carts = new CartRepository(session);
      UUID cart = carts.openCart("frank", NOW);
      carts.put(cart, new CartItem("mug-1", 2, 1_200));

      CartRepository afterRestartOfTheApp = new CartRepository(session);

      assertThat(afterRestartOfTheApp.latestCart("frank")).contains(cart);
      assertThat(afterRestartOfTheApp.totalCents(cart)).isEqualTo(2_400);
      assertThat(cluster.nodes()).hasSize(1);
    }
  }
}
