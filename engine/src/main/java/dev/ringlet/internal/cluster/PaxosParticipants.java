package dev.ringlet.internal.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Who takes part in a Paxos round for one token and how many of them must answer, as Cassandra
 * 5.0's Paxos v1 ({@code paxos_variant: v1}, its default) plans it: the natural replicas plus the
 * pending ones (nodes gaining the token's range while a node joins or leaves), only those of the
 * coordinator's datacenter for LOCAL_SERIAL. A quorum of that whole set must promise and accept, so
 * any two rounds, whether they run before, during or after the range movement, share a replica.
 *
 * @param all natural and pending participants, live or down
 * @param live the participants that are alive: those the round contacts
 * @param pending how many of {@code all} are pending replicas
 * @param required the answers each phase needs: {@code all.size() / 2 + 1}
 */
public record PaxosParticipants(List<Endpoint> all, List<Endpoint> live, int pending, int required) {

  public PaxosParticipants {
    all = List.copyOf(all);
    live = List.copyOf(live);
  }

  /**
   * Plans a round, or refuses it with Cassandra's Unavailable: first when fewer participants are
   * alive than required ({@code required}, alive); then when more than one participant is pending,
   * which Cassandra refuses whatever is alive ("Cannot perform LWT operation as there is more than
   * one (N) pending range movement", where Cassandra's N is the number of participants, required
   * participants + 1 so that no count of live nodes could ever meet it).
   *
   * @param serial SERIAL or LOCAL_SERIAL
   * @param localDatacenter the coordinator's datacenter
   * @param natural the token's natural replicas
   * @param pending the token's pending replicas (empty when no range moves)
   */
  public static PaxosParticipants plan(ConsistencyLevel serial, String localDatacenter, List<Endpoint> natural,
      List<Endpoint> pending, Predicate<Endpoint> alive) {
    if (!serial.isSerial()) {
      throw new IllegalArgumentException("serial: " + serial + " (expected: SERIAL or LOCAL_SERIAL)");
    }
    boolean local = serial == ConsistencyLevel.LOCAL_SERIAL;
    List<Endpoint> all = new ArrayList<>();
    int pendingCount = 0;
    for (Endpoint e : natural) {
      if (!local || e.datacenter().equals(localDatacenter)) {
        all.add(e);
      }
    }
    for (Endpoint e : pending) {
      if ((!local || e.datacenter().equals(localDatacenter)) && !all.contains(e)) {
        all.add(e);
        pendingCount++;
      }
    }
    List<Endpoint> live = new ArrayList<>();
    for (Endpoint e : all) {
      if (alive.test(e)) {
        live.add(e);
      }
    }
    int required = all.size() / 2 + 1;
    if (live.size() < required) {
      throw new UnavailableException(serial, required, live.size());
    }
    if (pendingCount > 1) {
      throw new UnavailableException(String.format(
          "Cannot perform LWT operation as there is more than one (%d) pending range movement", all.size()),
          serial, all.size() + 1, live.size());
    }
    return new PaxosParticipants(all, live, pendingCount, required);
  }
}
