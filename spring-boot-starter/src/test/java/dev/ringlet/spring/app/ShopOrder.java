package dev.ringlet.spring.app;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.cassandra.core.mapping.Table;

/** An order: collections of every kind and a UDT column. */
@Table("orders")
public class ShopOrder {

  @Id
  private UUID id;
  private String customer;
  private List<String> items;
  private Set<String> tags;
  private Map<String, Integer> quantities;
  private Address shipping;

  public ShopOrder() {}

  public ShopOrder(UUID id, String customer, List<String> items, Set<String> tags, Map<String, Integer> quantities,
      Address shipping) {
    this.id = id;
    this.customer = customer;
    this.items = items;
    this.tags = tags;
    this.quantities = quantities;
    this.shipping = shipping;
  }

  public UUID getId() {
    return id;
  }

  public void setId(UUID id) {
    this.id = id;
  }

  public String getCustomer() {
    return customer;
  }

  public void setCustomer(String customer) {
    this.customer = customer;
  }

  public List<String> getItems() {
    return items;
  }

  public void setItems(List<String> items) {
    this.items = items;
  }

  public Set<String> getTags() {
    return tags;
  }

  public void setTags(Set<String> tags) {
    this.tags = tags;
  }

  public Map<String, Integer> getQuantities() {
    return quantities;
  }

  public void setQuantities(Map<String, Integer> quantities) {
    this.quantities = quantities;
  }

  public Address getShipping() {
    return shipping;
  }

  public void setShipping(Address shipping) {
    this.shipping = shipping;
  }
}
