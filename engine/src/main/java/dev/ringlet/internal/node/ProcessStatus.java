package dev.ringlet.internal.node;

import dev.ringlet.internal.gossip.MemberInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of {@code nodetool status} for a multi-process cluster, as one node sees it: per
 * datacenter, one line per node with its status and state ({@code UN}, {@code DN}, {@code UJ},
 * {@code UL}...), address, number of tokens, host id and rack. Cassandra's {@code Load} and
 * {@code Owns} columns are left out (no per-node load figure is kept; ownership depends on a keyspace).
 */
final class ProcessStatus {

  /** A node's state in the ring. */
  enum State {
    NORMAL('N'), JOINING('J'), LEAVING('L');

    private final char letter;

    State(char letter) {
      this.letter = letter;
    }
  }

  /** One node as the asked node sees it. */
  record Entry(MemberInfo member, boolean up, State state) {}

  private ProcessStatus() {}

  static String format(List<Entry> entries) {
    Map<String, List<Entry>> byDatacenter = new LinkedHashMap<>();
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing((Entry e) -> e.member().datacenter())
        .thenComparing(e -> e.member().internodeAddress().getHostAddress())
        .thenComparing(e -> e.member().internodePort()));
    for (Entry e : sorted) {
      byDatacenter.computeIfAbsent(e.member().datacenter(), k -> new ArrayList<>()).add(e);
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<Entry>> dc : byDatacenter.entrySet()) {
      if (out.length() > 0) {
        out.append('\n');
      }
      String title = "Datacenter: " + dc.getKey();
      out.append(title).append('\n').append("=".repeat(title.length())).append('\n');
      out.append("Status=Up/Down\n");
      out.append("|/ State=Normal/Leaving/Joining/Moving\n");
      out.append(String.format("%-4s%-22s%-8s%-38s%s\n", "--", "Address", "Tokens", "Host ID", "Rack"));
      for (Entry e : dc.getValue()) {
        MemberInfo m = e.member();
        String status = (e.up() ? "U" : "D") + e.state().letter;
        out.append(String.format("%-4s%-22s%-8d%-38s%s\n", status, address(m), m.tokens().size(), m.hostId(), m.rack()));
      }
    }
    return out.toString();
  }

  /** The internode address, with its port when it is not the default 7000 (nodetool prints ports with {@code -pp}). */
  private static String address(MemberInfo m) {
    String host = m.internodeAddress().getHostAddress();
    return m.internodePort() == 7000 ? host : host + ":" + m.internodePort();
  }
}
