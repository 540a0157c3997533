package dev.ringlet.spring.app;

import org.springframework.data.cassandra.repository.Query;
import org.springframework.data.repository.CrudRepository;

public interface PageViewsRepository extends CrudRepository<PageViews, String> {

  @Query("UPDATE page_views SET views = views + 1 WHERE page = ?0")
  void increment(String page);
}
