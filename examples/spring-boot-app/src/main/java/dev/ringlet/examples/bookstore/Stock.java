package dev.ringlet.examples.bookstore;

import org.springframework.data.annotation.Id;
import org.springframework.data.cassandra.core.mapping.CassandraType;
import org.springframework.data.cassandra.core.mapping.Table;

/** Copies in stock per ISBN: a counter table. */
@Table("stock")
public record Stock(@Id String isbn, @CassandraType(type = CassandraType.Name.COUNTER) long copies) {
}
