package dev.ringlet.spring.app;

import java.util.UUID;
import org.springframework.data.cassandra.repository.AllowFiltering;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.repository.CrudRepository;

public interface OrderRepository extends CrudRepository<ShopOrder, UUID> {

  @AllowFiltering
  java.util.List<ShopOrder> findByCustomer(String customer);

  Slice<ShopOrder> findAll(Pageable pageable);
}
