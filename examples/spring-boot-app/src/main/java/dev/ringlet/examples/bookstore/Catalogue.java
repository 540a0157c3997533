package dev.ringlet.examples.bookstore;

import java.util.Optional;
import org.springframework.data.cassandra.core.CassandraOperations;
import org.springframework.data.cassandra.core.InsertOptions;
import org.springframework.stereotype.Service;

/** Lists books (each ISBN once: a lightweight transaction) and receives deliveries. */
@Service
public class Catalogue {

  private final CassandraOperations cassandra;
  private final BookRepository books;
  private final StockRepository stock;

  public Catalogue(CassandraOperations cassandra, BookRepository books, StockRepository stock) {
    this.cassandra = cassandra;
    this.books = books;
    this.stock = stock;
  }

  /**
   * Lists a book unless its ISBN is already listed.
   *
   * @return whether the book was listed now
   */
  public boolean list(Book book) {
    return cassandra.insert(book, InsertOptions.builder().withIfNotExists().build()).wasApplied();
  }

  public Optional<Book> find(String isbn) {
    return books.findById(isbn);
  }

  public void receive(String isbn, long copies) {
    stock.add(isbn, copies);
  }

  public long inStock(String isbn) {
    return stock.findById(isbn).map(Stock::copies).orElse(0L);
  }
}
