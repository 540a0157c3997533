package dev.ringlet.testcontainers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeAddressesTest {

  @Test
  void should_count_down_from_the_last_usable_address_of_the_subnet() {
    assertThat(NodeAddresses.fromSubnet("10.89.0.0/24", 3)).containsExactly("10.89.0.254", "10.89.0.253", "10.89.0.252");
    assertThat(NodeAddresses.fromSubnet("172.18.0.0/16", 2)).containsExactly("172.18.255.254", "172.18.255.253");
  }

  @Test
  void should_use_the_network_of_an_address_given_with_host_bits() {
    assertThat(NodeAddresses.fromSubnet("10.89.1.7/24", 1)).containsExactly("10.89.1.254");
  }

  @Test
  void should_refuse_what_does_not_fit_or_is_not_ipv4() {
    assertThat(NodeAddresses.fromSubnet("10.89.0.0/29", 3)).as("8 addresses: 2 for the group at most").isNull();
    assertThat(NodeAddresses.fromSubnet("10.89.0.0/29", 2)).containsExactly("10.89.0.6", "10.89.0.5");
    assertThat(NodeAddresses.fromSubnet("fd00::/64", 3)).isNull();
    assertThat(NodeAddresses.fromSubnet("10.89.0.0", 3)).isNull();
    assertThat(NodeAddresses.fromSubnet(null, 3)).isNull();
  }
}
