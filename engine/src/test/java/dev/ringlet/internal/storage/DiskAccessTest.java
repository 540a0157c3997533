package dev.ringlet.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unusable data directory fails start-up with a message naming the path (not writable: injected, CI runs as root). */
class DiskAccessTest {

  @TempDir
  Path tmp;

  private final DiskAccess disk = new DiskAccess();

  @Test
  void should_create_a_missing_directory() {
    disk.prepareDataDirectory(tmp.resolve("a/b"));
    assertThat(tmp.resolve("a/b")).isDirectory();
  }

  @Test
  void should_refuse_a_file() throws Exception {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    assertThatThrownBy(() -> disk.prepareDataDirectory(file)).isInstanceOf(StorageStartupException.class)
        .hasMessage("Cannot use data directory " + file + ": it exists and is not a directory");
  }

  @Test
  void should_refuse_a_directory_that_cannot_be_created() throws Exception {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    assertThatThrownBy(() -> disk.prepareDataDirectory(file.resolve("sub"))).isInstanceOf(StorageStartupException.class)
        .hasMessageStartingWith("Cannot create data directory " + file.resolve("sub") + ": ");
  }

  @Test
  void should_refuse_a_directory_that_is_not_writable() {
    disk.refuseWritesUnder(tmp);
    assertThatThrownBy(() -> disk.prepareDataDirectory(tmp.resolve("node")))
        .hasMessage("Insufficient permissions on directory " + tmp.resolve("node") + " (expected: readable and writable)");
  }

  @Test
  void should_fail_the_start_of_durable_storage_on_an_unwritable_directory() {
    disk.refuseWritesUnder(tmp);
    StorageConfig config = StorageConfig.durable(tmp.resolve("node"), dev.ringlet.internal.storage.commitlog.CommitLogOptions.Sync.BATCH,
        Clock.system()).withDisk(disk);
    assertThatThrownBy(() -> new Storage(config)).isInstanceOf(StorageStartupException.class)
        .hasMessageContaining(tmp.resolve("node").toString());
  }
}
