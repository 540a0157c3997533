package dev.ringlet.spring.app;

import java.util.UUID;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface ReactiveOrderRepository extends ReactiveCrudRepository<ShopOrder, UUID> {
}
