package dev.ringlet.examples.bookstore;

import org.springframework.data.cassandra.repository.Query;
import org.springframework.data.repository.CrudRepository;

public interface StockRepository extends CrudRepository<Stock, String> {

  @Query("UPDATE stock SET copies = copies + ?1 WHERE isbn = ?0")
  void add(String isbn, long copies);
}
