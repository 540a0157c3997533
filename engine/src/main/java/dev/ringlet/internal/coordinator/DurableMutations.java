package dev.ringlet.internal.coordinator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists of mutations kept one per file in a directory, so that a durable node's hints and batchlog
 * survive a restart: {@code <name>.mut} holds a time (millis), the number of mutations, then each
 * as table id and partition update (in the internode encoding, {@link WireCodec}). Written to a
 * temporary file then renamed, so a crash leaves either the whole file or none.
 */
final class DurableMutations {

  /** One stored entry: its file, the time it carries and its mutations. */
  record Entry(String name, long millis, List<Payloads.Mutation> mutations) {}

  private static final String SUFFIX = ".mut";

  private final Path directory;

  DurableMutations(Path directory) {
    this.directory = directory;
  }

  void write(String name, long millis, List<Payloads.Mutation> mutations) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(millis);
      out.writeInt(mutations.size());
      for (Payloads.Mutation m : mutations) {
        out.writeLong(m.tableId().getMostSignificantBits());
        out.writeLong(m.tableId().getLeastSignificantBits());
        WireCodec.update(m.update(), out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = directory.resolve(name + SUFFIX);
    try {
      Files.createDirectories(directory);
      Path tmp = directory.resolve(name + ".tmp");
      Files.write(tmp, bytes.toByteArray());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  void delete(String name) {
    try {
      Files.deleteIfExists(directory.resolve(name + SUFFIX));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory.resolve(name + SUFFIX) + ": " + e.getMessage(), e);
    }
  }

  /** Every entry in the directory, by file name (leftover temporary files of a crash are removed). */
  List<Entry> readAll() {
    List<Entry> out = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(directory)) {
      files = s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
    for (Path f : files) {
      String n = f.getFileName().toString();
      try {
        if (n.endsWith(".tmp")) {
          Files.deleteIfExists(f);
          continue;
        }
        if (!n.endsWith(SUFFIX)) {
          continue;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(f)))) {
          long millis = in.readLong();
          int count = in.readInt();
          List<Payloads.Mutation> ms = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            java.util.UUID table = new java.util.UUID(in.readLong(), in.readLong());
            ms.add(new Payloads.Mutation(table, WireCodec.update(in)));
          }
          out.add(new Entry(n.substring(0, n.length() - SUFFIX.length()), millis, ms));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
