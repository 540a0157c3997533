/** Partitioner and tokens: Cassandra's Murmur3 token function. */
package dev.ringlet.internal.dht;
