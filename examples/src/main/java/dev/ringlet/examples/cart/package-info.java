/**
 * A small shopping-cart data layer over the Cassandra Java driver, the application code the
 * examples' tests exercise with {@code @CassandraCluster}.
 */
package dev.ringlet.examples.cart;
