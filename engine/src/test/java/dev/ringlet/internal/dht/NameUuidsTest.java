package dev.ringlet.internal.dht;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameUuidsTest {

  @Test
  void should_digest_the_rfc_1321_test_suite() {
    assertThat(md5Hex("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(md5Hex("a")).isEqualTo("0cc175b9c0f1b6a831c399e269772661");
    assertThat(md5Hex("abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThat(md5Hex("message digest")).isEqualTo("f96b697d7cb7938d525a2f31aaf161d0");
    assertThat(md5Hex("abcdefghijklmnopqrstuvwxyz")).isEqualTo("c3fcd3d76192e4007dfb496cca67e13b");
    assertThat(md5Hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"))
        .isEqualTo("d174ab98d277d9f5a5611c2c9f419d9f");
    assertThat(md5Hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"))
        .isEqualTo("57edf4a22be3c955ac49da2e2107b67a");
  }

  @Test
  void should_equal_the_jdks_name_based_uuids_for_every_length_around_the_block_boundaries() {
    Random random = new Random(42);
    for (int length = 0; length <= 300; length++) {
      byte[] name = new byte[length];
      random.nextBytes(name);
      assertThat(NameUuids.of(name)).as("length %d", length).isEqualTo(UUID.nameUUIDFromBytes(name));
    }
  }

  @Test
  void should_equal_the_jdks_for_the_names_a_start_hashes() {
    for (String name : new String[] {"ringlet/datacenter1/127.0.0.1/0", "ringlet-initial-schema", "systemlocal",
        "system_schematables", "system_authroles", "ringlet/dc2/2"}) {
      byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
      assertThat(NameUuids.of(bytes)).as(name).isEqualTo(UUID.nameUUIDFromBytes(bytes));
    }
  }

  private static String md5Hex(String text) {
    return HexFormat.of().formatHex(NameUuids.md5(text.getBytes(StandardCharsets.US_ASCII)));
  }
}
