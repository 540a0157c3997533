package dev.ringlet.internal.storage.sstable;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds the SSTables in a directory: those with a table of contents; leftovers of unfinished writes are deleted. */
public final class SSTables {

  private SSTables() {}

  /** The generations of complete SSTables, ascending; components of incomplete ones are removed. */
  public static TreeSet<Long> open(Directory dir) throws IOException {
    Map<Long, Set<String>> byGeneration = new HashMap<>();
    for (String name : dir.list()) {
      long g = Component.generationOf(name);
      if (g >= 0) {
        byGeneration.computeIfAbsent(g, k -> new java.util.HashSet<>()).add(name);
      }
    }
    TreeSet<Long> complete = new TreeSet<>();
    for (Map.Entry<Long, Set<String>> e : byGeneration.entrySet()) {
      if (e.getValue().contains(Component.TOC.fileName(e.getKey()))) {
        complete.add(e.getKey());
      } else {
        for (String name : e.getValue()) {
          dir.delete(name);
        }
      }
    }
    return complete;
  }
}
