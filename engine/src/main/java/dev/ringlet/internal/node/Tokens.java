package dev.ringlet.internal.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Token assignment for a node without explicit tokens: {@code numTokens} tokens spread over the
 * Murmur3 range, each at a seeded random offset within its slot, so the same seed gives the same
 * tokens on every start.
 */
public final class Tokens {

  private Tokens() {}

  public static List<Long> spread(int numTokens, long seed) {
    if (numTokens < 1) {
      throw new IllegalArgumentException("numTokens: " + numTokens + " (expected: >= 1)");
    }
    Random random = new Random(seed);
    java.math.BigInteger range = java.math.BigInteger.ONE.shiftLeft(64);
    java.math.BigInteger slot = range.divide(java.math.BigInteger.valueOf(numTokens));
    List<Long> tokens = new ArrayList<>(numTokens);
    for (int i = 0; i < numTokens; i++) {
      java.math.BigInteger start = java.math.BigInteger.valueOf(Long.MIN_VALUE).add(slot.multiply(java.math.BigInteger.valueOf(i)));
      long offset = Math.floorMod(random.nextLong(), slot.longValue());
      long token = start.add(java.math.BigInteger.valueOf(offset)).longValue();
      tokens.add(token == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : token);
    }
    tokens.sort(null);
    return tokens;
  }
}
