package dev.ringlet.internal.exec.udf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The UDF API classes archived by the build, and the archive's staleness check. */
class ApiArchiveTest {

  @Test
  void should_hold_every_api_class_compiled_from_the_current_sources() {
    Map<String, byte[]> archived = ApiArchive.read();

    assertThat(archived).as("the build's archive, made from these sources").isNotNull();
    assertThat(archived.keySet()).containsAll(UdfApi.CLASSES);
  }

  @Test
  void should_read_back_what_it_wrote_and_ignore_an_archive_of_other_sources() throws Exception {
    byte[] archive = ApiArchive.write(Map.of("a.B", new byte[] {1, 2, 3}, "a.C", new byte[0]), 42L);

    assertThat(ApiArchive.read(archive, 42L)).containsOnlyKeys("a.B", "a.C");
    assertThat(ApiArchive.read(archive, 42L).get("a.B")).containsExactly(1, 2, 3);
    assertThat(ApiArchive.read(archive, 43L)).isNull();
  }
}
