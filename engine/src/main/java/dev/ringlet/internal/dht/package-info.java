/** Partitioner and tokens: Cassandra's Murmur3 token function; the MD5 of name-based ids ({@link dev.ringlet.internal.dht.NameUuids}). */
package dev.ringlet.internal.dht;
