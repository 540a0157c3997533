package dev.ringlet.spring.app;

import org.springframework.data.annotation.Id;
import org.springframework.data.cassandra.core.mapping.CassandraType;
import org.springframework.data.cassandra.core.mapping.Table;

/** A counter table: Spring Data creates it; increments go through CQL. */
@Table("page_views")
public class PageViews {

  @Id
  private String page;

  @CassandraType(type = CassandraType.Name.COUNTER)
  private long views;

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }

  public long getViews() {
    return views;
  }

  public void setViews(long views) {
    this.views = views;
  }
}
