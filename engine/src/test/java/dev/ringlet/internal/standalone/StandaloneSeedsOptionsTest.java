package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneSeedsOptionsTest {

  @Test
  void seeds_should_parse_with_default_and_explicit_ports() {
    StandaloneOptions o = StandaloneOptions.parse(List.of("--address", "127.0.0.2", "--seeds", "127.0.0.1,127.0.0.3:7001,[::1]:7002"));
    assertThat(o.process().seeds()).containsExactly(new InetSocketAddress("127.0.0.1", 7000), new InetSocketAddress("127.0.0.3", 7001),
        new InetSocketAddress("::1", 7002));
    assertThat(o.process().listen()).isEqualTo(new InetSocketAddress("127.0.0.2", 7000));
  }

  @Test
  void seeds_that_do_not_resolve_yet_should_be_kept_by_name() {
    InetSocketAddress seed = StandaloneOptions.parse(List.of("--seeds", "not-started-yet.invalid:7005")).process().seeds().get(0);
    assertThat(seed.isUnresolved()).isTrue();
    assertThat(seed.getHostString()).isEqualTo("not-started-yet.invalid");
    assertThat(seed.getPort()).isEqualTo(7005);
  }

  @Test
  void listen_address_and_internode_port_should_override_the_defaults() {
    StandaloneOptions o = StandaloneOptions.parse(List.of("--seeds=127.0.0.1", "--listen-address", "127.0.0.5", "--internode-port", "7100"));
    assertThat(o.process().listen()).isEqualTo(new InetSocketAddress("127.0.0.5", 7100));
    assertThat(StandaloneOptions.parse(List.of("--port", "9043")).process()).isNull();
  }

  @Test
  void inconsistent_options_should_be_refused() {
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--internode-port", "7001")))
        .hasMessageContaining("need --seeds");
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--seeds", "127.0.0.1", "--nodes", "3")))
        .hasMessageContaining("cannot be combined with --nodes");
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--seeds", "127.0.0.1:99999")))
        .hasMessageContaining("--seeds: 99999");
  }
}
