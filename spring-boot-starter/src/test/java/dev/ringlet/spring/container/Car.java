package dev.ringlet.spring.container;

import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.cassandra.core.mapping.Table;

@Table("cars")
public record Car(@Id String plate, String model, Set<String> owners) {
}
