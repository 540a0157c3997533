package dev.ringlet.internal.storage.sstable;

/** The files of one SSTable, named {@code rg-<generation>-<suffix>}. */
public enum Component {
  DATA("Data.db"),
  COMPRESSION_INFO("CompressionInfo.db"),
  INDEX("Index.db"),
  SUMMARY("Summary.db"),
  FILTER("Filter.db"),
  STATISTICS("Statistics.db"),
  TOC("TOC.txt");

  private final String suffix;

  Component(String suffix) {
    this.suffix = suffix;
  }

  public String suffix() {
    return suffix;
  }

  public String fileName(long generation) {
    return "rg-" + generation + "-" + suffix;
  }

  /** The generation in a component file name, or -1 when the name is not an SSTable component. */
  public static long generationOf(String fileName) {
    if (!fileName.startsWith("rg-")) {
      return -1;
    }
    int dash = fileName.indexOf('-', 3);
    if (dash < 0) {
      return -1;
    }
    try {
      return Long.parseLong(fileName.substring(3, dash));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
