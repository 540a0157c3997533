package dev.ringlet.spring.app;

import java.util.Objects;
import org.springframework.data.cassandra.core.mapping.UserDefinedType;

/** A user-defined type, created by Spring Data's schema action. */
@UserDefinedType("address")
public class Address {

  private String street;
  private String city;

  public Address() {}

  public Address(String street, String city) {
    this.street = street;
    this.city = city;
  }

  public String getStreet() {
    return street;
  }

  public void setStreet(String street) {
    this.street = street;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && Objects.equals(street, a.street) && Objects.equals(city, a.city);
  }

  @Override
  public int hashCode() {
    return Objects.hash(street, city);
  }
}
