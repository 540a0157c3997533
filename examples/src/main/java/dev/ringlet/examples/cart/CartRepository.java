package dev.ringlet.examples.cart;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The shop's data access for carts: plain driver code with prepared statements, nothing
 * Ringlet-specific. The session must be bound to the shop's keyspace.
 */
public final class CartRepository {

  private final CqlSession session;
  private final PreparedStatement putItem;
  private final PreparedStatement removeItem;
  private final PreparedStatement items;
  private final PreparedStatement clear;
  private final PreparedStatement openCart;
  private final PreparedStatement latestCart;

  public CartRepository(CqlSession session) {
    this.session = session;
    this.putItem = session.prepare(
        "INSERT INTO cart_items (cart_id, sku, quantity, unit_price_cents) VALUES (?, ?, ?, ?)");
    this.removeItem = session.prepare("DELETE FROM cart_items WHERE cart_id = ? AND sku = ?");
    this.items = session.prepare("SELECT sku, quantity, unit_price_cents FROM cart_items WHERE cart_id = ?");
    this.clear = session.prepare("DELETE FROM cart_items WHERE cart_id = ?");
    this.openCart = session.prepare(
        "INSERT INTO carts_by_customer (customer_id, opened_at, cart_id) VALUES (?, ?, ?)");
    this.latestCart = session.prepare("SELECT cart_id FROM carts_by_customer WHERE customer_id = ? LIMIT 1");
  }

  /** Opens a new cart for the customer and returns its id. */
  public UUID openCart(String customerId, Instant now) {
    UUID cartId = UUID.randomUUID();
    session.execute(openCart.bind(customerId, now, cartId));
    return cartId;
  }

  /** The customer's most recently opened cart. */
  public Optional<UUID> latestCart(String customerId) {
    return Optional.ofNullable(session.execute(latestCart.bind(customerId)).one()).map(row -> row.getUuid(0));
  }

  /** Adds a product, or replaces its line if the cart has it already. */
  public void put(UUID cartId, CartItem item) {
    session.execute(putItem.bind(cartId, item.sku(), item.quantity(), item.unitPriceCents()));
  }

  public void remove(UUID cartId, String sku) {
    session.execute(removeItem.bind(cartId, sku));
  }

  /** The cart's lines, ordered by SKU. */
  public List<CartItem> items(UUID cartId) {
    return session.execute(items.bind(cartId)).all().stream().map(CartRepository::toItem).toList();
  }

  public long totalCents(UUID cartId) {
    return items(cartId).stream().mapToLong(CartItem::totalCents).sum();
  }

  public void clear(UUID cartId) {
    session.execute(clear.bind(cartId));
  }

  private static CartItem toItem(Row row) {
    return new CartItem(row.getString("sku"), row.getInt("quantity"), row.getLong("unit_price_cents"));
  }
}
