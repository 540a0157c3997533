package dev.ringlet.junit.internal;

/** One datacenter as a test asked for it: a name, a node count and a rack count. */
public record DatacenterLayout(String name, int nodes, int racks) {

  public DatacenterLayout {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("datacenter name: blank (expected: a non-empty name)");
    }
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes in " + name + ": " + nodes + " (expected: >= 1)");
    }
    if (racks < 1 || racks > nodes) {
      throw new IllegalArgumentException("racks in " + name + ": " + racks + " (expected: 1-" + nodes + ")");
    }
  }
}
