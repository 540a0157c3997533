package dev.ringlet.spring.indexed;

import org.springframework.data.annotation.Id;
import org.springframework.data.cassandra.core.mapping.Indexed;
import org.springframework.data.cassandra.core.mapping.Table;

@Table("customers")
public record Customer(@Id String id, @Indexed String email) {
}
