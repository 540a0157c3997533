package dev.ringlet.examples.cart;

import java.util.Objects;

/** One product line of a cart. */
public record CartItem(String sku, int quantity, long unitPriceCents) {

  public CartItem {
    Objects.requireNonNull(sku, "sku");
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity: " + quantity + " (expected: >= 1)");
    }
    if (unitPriceCents < 0) {
      throw new IllegalArgumentException("unitPriceCents: " + unitPriceCents + " (expected: >= 0)");
    }
  }

  public long totalCents() {
    return quantity * unitPriceCents;
  }
}
