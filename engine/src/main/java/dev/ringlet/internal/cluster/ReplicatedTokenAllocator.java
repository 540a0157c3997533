package dev.ringlet.internal.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses the tokens of one more unit (node) of an allocation ring so that the load each unit
 * carries for {@code replicas} replicas stays even: the idea of Cassandra's replication-aware token
 * allocator, written here from its description. See {@link TokenAllocation} for which ring, groups
 * and replica count a node gets.
 *
 * <p><b>Replicated ownership.</b> Units belong to groups (racks, or each unit its own group). Walking
 * back from a token, the ranges it replicates go on until a token of its own group (which replicates
 * what lies before) or until {@code replicas} distinct groups have been passed (the range before
 * that has its replicas elsewhere). A token's replicated ownership is that span; a unit's is the sum
 * over its tokens. With every group placed, each unit ideally owns {@code replicas / units} of the
 * ring, each token {@code replicas / tokens}.
 *
 * <p><b>Greedy choice.</b> The candidates are the midpoints of the ranges between the ring's tokens.
 * Each new token goes to the candidate that most reduces (as far as a lazily re-ranked priority
 * queue can tell: the best one is re-evaluated and taken if it still beats the next one's earlier
 * score) the sum of squared deviations from the ideal — of every token's ownership (scaled by its unit's token count) and of every unit's
 * ownership per token; the new unit counts its tokens still to place as ideal, and its own term
 * weighs in proportion to the tokens it already has. Inserting a token only changes the spans of the
 * tokens that follow it until {@code replicas} distinct groups have passed, so each candidate is
 * evaluated locally.
 *
 * <p><b>One replica</b> (a factor of 1, or each rack balanced alone): the most loaded units give the
 * new one what they hold above the average they would have with it, from their largest ranges
 * ({@code takeOver}), as Cassandra's allocator without replication does.
 *
 * <p><b>Splits.</b> While the ring has fewer units (or groups) than replicas, every range is
 * replicated everywhere and balance cannot be measured yet; the new unit's tokens then split the
 * largest range of the ring, again and again, at a ratio drawn between 0.553 and 0.628 (an
 * irregular start lets the greedy steps of later units balance any number of them). An empty ring
 * starts at a seeded random token.
 */
final class ReplicatedTokenAllocator {

  /** Split ratios for the first units: around 1 - 1/sqrt(5), as Cassandra's allocator uses. */
  private static final double MIN_SPLIT = 1.0 - 1.0 / Math.sqrt(5.0);
  private static final double MAX_SPLIT = MIN_SPLIT + 0.075;
  private static final double RING = Math.pow(2, 64);

  private final int replicas;
  private final Random random;
  /** The allocation ring: token to unit. */
  private final TreeMap<Long, Object> ring = new TreeMap<>();
  private final Map<Object, Object> groupOf = new HashMap<>();

  // A snapshot of the ring as arrays, rebuilt after each confirmed token.
  private long[] tokens;
  private Object[] units;
  private Object[] groups;
  private double[] owned;
  private final Map<Object, Double> unitOwned = new HashMap<>();
  private final Map<Object, Integer> unitTokens = new HashMap<>();
  // The same as small integers, for the walks evaluated for every candidate (no allocation there).
  private final Map<Object, Integer> groupIds = new HashMap<>();
  private final Map<Object, Integer> unitIds = new HashMap<>();
  private int[] groupId;
  private int[] unitId;
  private double[] ownedByUnit = new double[0];
  private double[] tokensOfUnit = new double[0];
  private double[] scratchDelta = new double[0];
  private int[] scratchTouched = new int[0];
  private int[] scratchSeen;

  /**
   * @param existing the tokens of the ring's units, each with its unit
   * @param groupOf each unit's group (the new unit's included)
   */
  ReplicatedTokenAllocator(Map<Long, Object> existing, Map<Object, Object> groupOf, int replicas, Random random) {
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas: " + replicas + " (expected: >= 1)");
    }
    this.replicas = replicas;
    this.random = random;
    this.ring.putAll(existing);
    this.groupOf.putAll(groupOf);
  }

  /** The tokens of {@code unit}, sorted, none of them already in the ring. */
  List<Long> addUnit(Object unit, int numTokens) {
    Set<Object> unitsBefore = new HashSet<>(ring.values());
    Set<Object> groupsBefore = new HashSet<>();
    for (Object u : unitsBefore) {
      groupsBefore.add(groupOf.get(u));
    }
    List<Long> chosen;
    if (unitsBefore.size() < replicas || groupsBefore.size() < replicas || numTokens > ring.size()) {
      chosen = splits(unit, numTokens);
    } else if (replicas == 1) {
      chosen = takeOver(unit, numTokens);
    } else {
      chosen = greedy(unit, numTokens);
    }
    chosen.sort(null);
    return chosen;
  }

  // ------------------------------------------------------------------ splits

  private List<Long> splits(Object unit, int numTokens) {
    List<Long> out = new ArrayList<>();
    if (ring.isEmpty()) {
      long first = random.nextLong();
      first = first == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : first;
      ring.put(first, unit);
      out.add(first);
    }
    while (out.size() < numTokens) {
      long bestStart = 0;
      long bestWidth = 0;
      boolean found = false;
      long previous = ring.lastKey();
      for (long t : ring.keySet()) {
        long width = t - previous; // unsigned; 0 means the whole ring (a single token)
        if (!found || Long.compareUnsigned(width - 1, bestWidth - 1) > 0) {
          bestStart = previous;
          bestWidth = width;
          found = true;
        }
        previous = t;
      }
      double ratio = MIN_SPLIT + (MAX_SPLIT - MIN_SPLIT) * random.nextDouble();
      long t = bestStart + unsigned(size(bestWidth) * ratio * RING);
      t = free(t == Long.MIN_VALUE ? t + 1 : t);
      ring.put(t, unit);
      out.add(t);
    }
    return out;
  }

  private long free(long token) {
    long t = token;
    while (ring.containsKey(t) || t == Long.MIN_VALUE) {
      t++;
    }
    return t;
  }

  // ------------------------------------------------------------------ one replica

  /**
   * One replica: a unit's load is its primary ranges. The most loaded units, those above the
   * average they would have with the new unit, give it what they hold above that average, from
   * their largest ranges: each range gives the same fraction (kept between 10 % and 90 %), and the
   * new unit's tokens are dealt among those units in turn.
   */
  private List<Long> takeOver(Object unit, int numTokens) {
    snapshot();
    Map<Object, List<Integer>> rangesOf = new HashMap<>();
    for (int i = 0; i < tokens.length; i++) {
      rangesOf.computeIfAbsent(units[i], k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> r : rangesOf.values()) {
      r.sort((a, b) -> Double.compare(owned[b], owned[a]));
    }
    List<Object> byLoad = new ArrayList<>(rangesOf.keySet());
    byLoad.sort((a, b) -> {
      int c = Double.compare(unitOwned.get(b), unitOwned.get(a));
      return c != 0 ? c : String.valueOf(a).compareTo(String.valueOf(b));
    });
    List<Object> donors = new ArrayList<>();
    double target = 0;
    double sum = 0;
    for (Object u : byLoad) {
      if (donors.size() >= numTokens) {
        break;
      }
      sum += unitOwned.get(u);
      double average = sum / (donors.size() + 2); // the donors and the new unit
      if (unitOwned.get(u) <= average) {
        break;
      }
      donors.add(u);
      target = average;
    }
    List<Long> out = new ArrayList<>();
    for (int d = 0; d < donors.size(); d++) {
      Object donor = donors.get(d);
      int count = Math.min(numTokens / donors.size() + (d < numTokens % donors.size() ? 1 : 0), rangesOf.get(donor).size());
      List<Integer> ranges = rangesOf.get(donor).subList(0, count);
      double work = 0;
      for (int i : ranges) {
        work += owned[i];
      }
      double give = unitOwned.get(donor) - target;
      double slice = give < work ? Math.max(0.1, Math.min(0.9, give / work)) : 0.9;
      for (int i : ranges) {
        long start = tokens[Math.floorMod(i - 1, tokens.length)];
        long t = free(start + unsigned(owned[i] * slice * RING));
        ring.put(t, unit);
        out.add(t);
      }
    }
    // Fewer donors' ranges than tokens (a ring of very few ranges): split the largest for the rest.
    if (out.size() < numTokens) {
      out.addAll(splits(unit, numTokens - out.size()));
    }
    return out;
  }

  // ------------------------------------------------------------------ greedy

  private List<Long> greedy(Object unit, int numTokens) {
    double optimal = (double) replicas / (ring.size() + numTokens);
    // Candidates: midpoints of the ring's ranges before this unit's first token.
    List<Long> candidates = new ArrayList<>();
    long previous = ring.lastKey();
    for (long t : ring.keySet()) {
      long width = t - previous;
      long mid = previous + (width == 0 ? Long.MIN_VALUE : (width >>> 1));
      if (mid != Long.MIN_VALUE && !ring.containsKey(mid)) {
        candidates.add(mid);
      }
      previous = t;
    }
    unitTokens.clear();
    for (Object u : ring.values()) {
      unitTokens.merge(u, 1, Integer::sum);
    }
    unitTokens.put(unit, numTokens);
    List<Long> out = new ArrayList<>();
    snapshot();
    // Rank every candidate once; then take the best, re-evaluated against the ring as it is now, if
    // it still beats the next one's (older) score, else put it back with its new score and retry.
    PriorityQueue<Scored> queue = new PriorityQueue<>();
    for (long candidate : candidates) {
      queue.add(new Scored(evaluate(candidate, unit, optimal, 0, numTokens, 1.0 / numTokens), candidate));
    }
    for (int vn = 0; vn < numTokens && !queue.isEmpty(); vn++) {
      double placed = unitOwned.getOrDefault(unit, 0.0);
      double newUnitWeight = (vn + 1.0) / numTokens;
      while (true) {
        Scored top = queue.poll();
        double now = evaluate(top.token(), unit, optimal, placed, numTokens - vn, newUnitWeight);
        Scored next = queue.peek();
        if (next == null || now <= next.change()) {
          insert(top.token(), unit);
          out.add(top.token());
          break;
        }
        queue.add(new Scored(now, top.token()));
      }
    }
    // Fewer candidates than tokens cannot happen with numTokens <= ring size; keep the contract anyway.
    if (out.size() < numTokens) {
      out.addAll(splits(unit, numTokens - out.size()));
    }
    return out;
  }

  /** A candidate token and the change of the objective it brought when last evaluated (lower is better). */
  private record Scored(double change, long token) implements Comparable<Scored> {
    @Override
    public int compareTo(Scored o) {
      int c = Double.compare(change, o.change);
      return c != 0 ? c : Long.compare(token, o.token);
    }
  }

  /** Rebuilds the arrays and every token's and unit's replicated ownership from {@link #ring}. */
  private void snapshot() {
    int n = ring.size();
    tokens = new long[n];
    units = new Object[n];
    groups = new Object[n];
    groupId = new int[n];
    unitId = new int[n];
    int i = 0;
    for (Map.Entry<Long, Object> e : ring.entrySet()) {
      tokens[i] = e.getKey();
      units[i] = e.getValue();
      groups[i] = groupOf.get(e.getValue());
      groupId[i] = idOf(groupIds, groups[i]);
      unitId[i] = idOf(unitIds, units[i]);
      i++;
    }
    for (Object u : unitTokens.keySet()) {
      idOf(unitIds, u);
    }
    int unitCount = unitIds.size();
    if (ownedByUnit.length < unitCount) {
      ownedByUnit = new double[unitCount];
      tokensOfUnit = new double[unitCount];
      scratchDelta = new double[unitCount];
    }
    if (scratchTouched.length < n + 1 + unitCount) {
      scratchTouched = new int[n + 1 + unitCount]; // a unit is listed again only if its change summed to exactly 0
    }
    java.util.Arrays.fill(ownedByUnit, 0);
    for (Map.Entry<Object, Integer> e : unitTokens.entrySet()) {
      tokensOfUnit[unitIds.get(e.getKey())] = e.getValue();
    }
    if (scratchSeen == null) {
      scratchSeen = new int[replicas];
    }
    owned = new double[n];
    unitOwned.clear();
    for (int j = 0; j < n; j++) {
      owned[j] = size(tokens[j] - tokens[startIndex(j, -1, -1)]);
      unitOwned.merge(units[j], owned[j], Double::sum);
      ownedByUnit[unitId[j]] += owned[j];
    }
  }

  /**
   * Adds a token to the ring and to the arrays, updating the ownership of the tokens whose span it
   * changes (itself and those after it until {@code replicas} distinct groups have passed), as
   * {@link #snapshot} would compute it from scratch.
   */
  private void insert(long token, Object unit) {
    ring.put(token, unit);
    int p = insertionIndex(token);
    int n = tokens.length + 1;
    tokens = grow(tokens, p, token);
    units = grow(units, p, unit);
    groups = grow(groups, p, groupOf.get(unit));
    groupId = grow(groupId, p, idOf(groupIds, groups[p]));
    unitId = grow(unitId, p, idOf(unitIds, unit));
    owned = grow(owned, p, 0);
    if (scratchTouched.length < n + 1 + unitIds.size()) {
      scratchTouched = new int[n + 1 + unitIds.size()];
    }
    updateOwned(p);
    int[] between = new int[replicas];
    int betweenCount = 0;
    for (int step = 1; step < n && betweenCount < replicas; step++) {
      int j = (p + step) % n;
      if (!contains(between, betweenCount, groupId[j])) {
        updateOwned(j);
        between[betweenCount++] = groupId[j];
      }
    }
  }

  private void updateOwned(int j) {
    double now = size(tokens[j] - tokens[startIndex(j, -1, -1)]);
    double delta = now - owned[j];
    owned[j] = now;
    ownedByUnit[unitId[j]] += delta;
    unitOwned.merge(units[j], delta, Double::sum);
  }

  private static long[] grow(long[] a, int at, long value) {
    long[] out = new long[a.length + 1];
    System.arraycopy(a, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(a, at, out, at + 1, a.length - at);
    return out;
  }

  private static int[] grow(int[] a, int at, int value) {
    int[] out = new int[a.length + 1];
    System.arraycopy(a, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(a, at, out, at + 1, a.length - at);
    return out;
  }

  private static double[] grow(double[] a, int at, double value) {
    double[] out = new double[a.length + 1];
    System.arraycopy(a, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(a, at, out, at + 1, a.length - at);
    return out;
  }

  private static Object[] grow(Object[] a, int at, Object value) {
    Object[] out = new Object[a.length + 1];
    System.arraycopy(a, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(a, at, out, at + 1, a.length - at);
    return out;
  }

  private static int idOf(Map<Object, Integer> ids, Object key) {
    Integer id = ids.get(key);
    if (id == null) {
      id = ids.size();
      ids.put(key, id);
    }
    return id;
  }

  /**
   * The change of the objective if {@code token} joined the ring for {@code unit}, which owns
   * {@code placed} with the tokens it already has and has {@code remaining} (this one included) to place.
   */
  private double evaluate(long token, Object unit, double optimal, double placed, int remaining, double newUnitWeight) {
    int n = tokens.length;
    int p = insertionIndex(token); // the new token's index in the ring with it
    int group = idOf(groupIds, groupOf.get(unit));
    int newUnit = unitIds.get(unit);
    int touched = 0;
    double tokenChange = 0;
    // The new token itself (its unit's token count is the final one).
    double newOwned = size(token - tokenAt(startIndex(p, p, group), p, token));
    double newTokens = tokensOfUnit[newUnit];
    tokenChange += sq((newOwned - optimal) / newTokens);
    // The tokens after it whose span may reach back past it: until `replicas` distinct groups passed.
    int[] between = new int[replicas];
    int betweenCount = 0;
    for (int step = 1; step <= n && betweenCount < replicas; step++) {
      int j = (p + step) % (n + 1); // index in the ring with the new token
      int old = j < p ? j : j - 1;
      int g = groupId[old];
      if (!contains(between, betweenCount, g)) {
        long start = tokenAt(startIndex(j, p, group), p, token);
        double now = size(tokens[old] - start);
        double delta = now - owned[old];
        if (delta != 0) {
          int u = unitId[old];
          double count = tokensOfUnit[u];
          tokenChange += sq((now - optimal) / count) - sq((owned[old] - optimal) / count);
          if (scratchDelta[u] == 0) {
            scratchTouched[touched++] = u;
          }
          scratchDelta[u] += delta;
        }
        between[betweenCount++] = g;
      }
    }
    double change = tokenChange;
    double ownChange = 0;
    for (int t = 0; t < touched; t++) {
      int u = scratchTouched[t];
      double d = scratchDelta[u];
      scratchDelta[u] = 0;
      if (u == newUnit) {
        ownChange += d;
        continue;
      }
      double count = tokensOfUnit[u];
      double before = ownedByUnit[u];
      change += sq((before + d) / count - optimal) - sq(before / count - optimal);
    }
    // The new unit: tokens still to place count as ideal.
    double before = placed + remaining * optimal;
    double after = placed + ownChange + newOwned + (remaining - 1) * optimal;
    change += newUnitWeight * (sq(after / newTokens - optimal) - sq(before / newTokens - optimal));
    return change;
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  /** Where {@code token} goes among {@link #tokens}: the index of the first token above it. */
  private int insertionIndex(long token) {
    int lo = 0;
    int hi = tokens.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens[mid] < token) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The index (in the ring with a token of group {@code insertedGroup} inserted at {@code p}, or
   * without one when {@code p < 0}) of the token where the span of the token at {@code index}
   * starts: walking back, the first token of its own group, or the token of the
   * {@code replicas}-th distinct group.
   */
  private int startIndex(int index, int p, int insertedGroup) {
    int size = tokens.length + (p >= 0 ? 1 : 0);
    int own = groupAt(index, p, insertedGroup);
    int seen = 0;
    for (int step = 1; step < size; step++) {
      int i = index - step;
      if (i < 0) {
        i += size;
      }
      int g = groupAt(i, p, insertedGroup);
      if (g == own) {
        return i;
      }
      if (!contains(scratchSeen, seen, g)) {
        scratchSeen[seen++] = g;
        if (seen >= replicas) {
          return i;
        }
      }
    }
    return index; // nothing stops the walk: the token replicates the whole ring
  }

  private int groupAt(int index, int p, int insertedGroup) {
    if (p < 0) {
      return groupId[index];
    }
    return index == p ? insertedGroup : groupId[index < p ? index : index - 1];
  }

  private long tokenAt(int index, int p, long token) {
    if (p < 0) {
      return tokens[index];
    }
    return index == p ? token : tokens[index < p ? index : index - 1];
  }

  /** An unsigned width between two tokens as a fraction of the ring (0 meaning the whole ring). */
  private static double size(long width) {
    if (width == 0) {
      return 1.0;
    }
    double d = width >= 0 ? width : width + RING;
    return d / RING;
  }

  /** A non-negative double below 2^64 as the unsigned long with that value. */
  private static long unsigned(double d) {
    double half = Math.pow(2, 63);
    return d >= half ? (long) (d - half) + Long.MIN_VALUE : (long) d;
  }

  private static double sq(double d) {
    return d * d;
  }
}
