package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.parse.Lexer.Match;
import dev.ringlet.internal.cql.parse.Token.Kind;

/**
 * Measures how far each word-or-number rule of Cassandra's lexer would match from one position,
 * and picks the longest; on a tie the rule Cassandra declares first wins (negative NaN/Infinity
 * keywords, integer/float, boolean, duration, identifier, hex, uuid).
 */
final class LiteralMatcher {

  private final String s;
  private final int start;

  LiteralMatcher(String s, int start) {
    this.s = s;
    this.start = start;
  }

  /** The longest match, or null when no rule matches (punctuation). */
  Match longest() {
    Match best = null;
    best = better(best, Kind.FLOAT, negativeSpecial());
    best = better(best, null, number());
    best = better(best, Kind.BOOLEAN, bool());
    best = better(best, Kind.DURATION, duration());
    best = better(best, Kind.WORD, identifier());
    best = better(best, Kind.HEX, hex());
    best = better(best, Kind.UUID, uuid());
    return best;
  }

  private Match numberMatch;

  private Match better(Match best, Kind kind, int end) {
    if (kind == null) {
      if (numberMatch == null) return best;
      return best == null || numberMatch.end() > best.end() ? numberMatch : best;
    }
    if (end <= start) return best;
    return best == null || end > best.end() ? new Match(kind, end) : best;
  }

  private int negativeSpecial() {
    for (String word : new String[] {"-nan", "-infinity"}) {
      if (s.regionMatches(true, start, word, 0, word.length())) return start + word.length();
    }
    return -1;
  }

  /** INTEGER and FLOAT, including Cassandra's special case of {@code 1..2} ranges. */
  private int number() {
    int i = start;
    if (at(i) == '-') i++;
    int digitsEnd = digits(i);
    if (digitsEnd == i) return -1;
    i = digitsEnd;
    if (s.startsWith("...", i)) {
      numberMatch = new Match(Kind.FLOAT, i + 1);
      return i + 1;
    }
    if (s.startsWith("..", i)) {
      numberMatch = new Match(Kind.INTEGER, i);
      return i;
    }
    boolean isFloat = false;
    if (at(i) == '.') {
      isFloat = true;
      i = digits(i + 1);
    }
    int exp = exponent(i);
    if (exp > i) {
      isFloat = true;
      i = exp;
    }
    numberMatch = new Match(isFloat ? Kind.FLOAT : Kind.INTEGER, i);
    return i;
  }

  private int exponent(int i) {
    if (at(i) != 'e' && at(i) != 'E') return i;
    int j = i + 1;
    if (at(j) == '+' || at(j) == '-') j++;
    int end = digits(j);
    return end > j ? end : i;
  }

  private int bool() {
    if (s.regionMatches(true, start, "true", 0, 4)) return start + 4;
    if (s.regionMatches(true, start, "false", 0, 5)) return start + 5;
    return -1;
  }

  private int duration() {
    int i = start;
    if (at(i) == '-') i++;
    if (at(i) == 'P') return isoDuration(i + 1);
    return unitDuration(i);
  }

  /** {@code 1h30m}, {@code 2mo3d}, {@code 10ms}, ... */
  private int unitDuration(int i) {
    int end = -1;
    while (true) {
      int d = digits(i);
      if (d == i) return end;
      int u = unit(d);
      if (u == d) return end;
      end = u;
      i = u;
    }
  }

  private int unit(int i) {
    for (String u : new String[] {"mo", "ms", "us", "\u00b5s", "ns"}) {
      if (s.regionMatches(true, i, u, 0, u.length())) return i + u.length();
    }
    char c = Character.toLowerCase(at(i));
    return "ywdhms".indexOf(c) >= 0 && c != 0 ? i + 1 : i;
  }

  /** After the 'P': {@code nW}, {@code [nY][nM][nD][T[nH][nM][nS]]} or {@code yyyy-mm-ddThh:mm:ss}. */
  private int isoDuration(int i) {
    int alt = alternativeIso(i);
    if (alt > 0) return alt;
    int d = digits(i);
    if (d > i && at(d) == 'W') return d + 1;
    int end = designators(i, "YMD");
    int afterDate = end < 0 ? i : end;
    if (at(afterDate) == 'T') {
      int time = designators(afterDate + 1, "HMS");
      if (time > 0) return time;
    }
    return end;
  }

  private int designators(int i, String order) {
    int end = -1;
    int allowedFrom = 0;
    while (true) {
      int d = digits(i);
      if (d == i) return end;
      int k = order.indexOf(at(d), allowedFrom);
      if (k < 0) return end;
      end = d + 1;
      i = end;
      allowedFrom = k + 1;
    }
  }

  private int alternativeIso(int i) {
    String pattern = "dddd-dd-ddTdd:dd:dd";
    for (int k = 0; k < pattern.length(); k++) {
      char p = pattern.charAt(k);
      char c = at(i + k);
      if (p == 'd' ? !Character.isDigit(c) || c > '9' : c != p) return -1;
    }
    return i + pattern.length();
  }

  private int identifier() {
    if (!isLetter(at(start))) return -1;
    int i = start + 1;
    while (isLetter(at(i)) || isDigit(at(i)) || at(i) == '_') i++;
    return i;
  }

  private int hex() {
    if (at(start) != '0' || (at(start + 1) != 'x' && at(start + 1) != 'X')) return -1;
    int i = start + 2;
    while (isHex(at(i))) i++;
    return i;
  }

  private int uuid() {
    int i = start;
    for (int group : new int[] {8, 4, 4, 4, 12}) {
      for (int k = 0; k < group; k++, i++) {
        if (!isHex(at(i))) return -1;
      }
      if (group != 12) {
        if (at(i) != '-') return -1;
        i++;
      }
    }
    return i;
  }

  private int digits(int i) {
    while (isDigit(at(i))) i++;
    return i;
  }

  private char at(int i) {
    return i < s.length() ? s.charAt(i) : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
