package dev.ringlet.internal.exec.udf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The {@link UdfApi} classes compiled at build time, so that the first function that needs them
 * does not pay for compiling them (seconds in a fresh JVM). One resource, {@link #RESOURCE}, not
 * {@code .class} files: class-path scanners never see it, and only the UDF class loader defines
 * what it holds. It records a checksum of the sources it was compiled from; when they changed
 * since (an IDE build that skipped the build step), it is ignored and the sources are compiled.
 *
 * <p>Format: the int {@link #MAGIC}, the long checksum, the int count of classes, then per class
 * its binary name (modified UTF-8) and its bytes after their int length.
 */
public final class ApiArchive {

  static final String RESOURCE = "dev/ringlet/internal/exec/udf/api-classes.bin";
  private static final int MAGIC = 0x52554441; // "RUDA"

  private ApiArchive() {}

  /** Compiles the {@link UdfApi} sources and writes them where {@code args[0]} says (the build's step). */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ApiArchive <output file>");
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.getParent());
    Files.write(out, write(JavaUdfs.compileApiSources(), checksum()));
  }

  /** The archived classes when they were compiled from the current sources, else null. */
  static Map<String, byte[]> read() {
    try (InputStream in = ApiArchive.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? null : read(in.readAllBytes(), checksum());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, byte[]> read(byte[] archive, long expectedChecksum) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(archive));
    if (in.readInt() != MAGIC || in.readLong() != expectedChecksum) {
      return null;
    }
    int count = in.readInt();
    Map<String, byte[]> classes = new HashMap<>();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      classes.put(name, bytes);
    }
    return Map.copyOf(classes);
  }

  static byte[] write(Map<String, byte[]> classes, long checksum) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeLong(checksum);
    out.writeInt(classes.size());
    for (Map.Entry<String, byte[]> e : new TreeMap<>(classes).entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().length);
      out.write(e.getValue());
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** A checksum of every {@link UdfApi} source, in {@link UdfApi#CLASSES}' order. */
  static long checksum() {
    CRC32 crc = new CRC32();
    for (String name : UdfApi.CLASSES) {
      crc.update(name.getBytes(StandardCharsets.UTF_8));
      crc.update(0);
      crc.update(UdfApi.source(name).getBytes(StandardCharsets.UTF_8));
      crc.update(0);
    }
    return crc.getValue();
  }
}
