package dev.ringlet.examples.bookstore;

import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.cassandra.core.mapping.Table;

/** A book of the catalogue, keyed by ISBN. */
@Table("books")
public record Book(@Id String isbn, String title, List<String> authors, Set<String> subjects) {
}
