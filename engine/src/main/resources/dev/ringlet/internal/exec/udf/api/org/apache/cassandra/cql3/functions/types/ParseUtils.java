package org.apache.cassandra.cql3.functions.types;

import java.text.ParseException;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;

/**
 * Reading CQL literals for the codecs' {@code parse}: skipping blanks, values and identifiers,
 * quoting, and the date and time forms CQL accepts.
 */
public abstract class ParseUtils {

  /** Date and time forms of CQL timestamps, each alone or followed by a zone. */
  private static final String[] DATE_FORMS = {"yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SSS",
      "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd"};
  private static final String[] ZONES = {"", "z", "zz", "zzz", "X", "XX", "XXX", " z", " X", " XX", " XXX"};

  ParseUtils() {}

  /**
   * {@code s.charAt(i)}, failing past the end with the message Cassandra 5.0's bodies see on its JDK
   * ("String index out of range: i") on every JDK: newer JDKs word String's own message differently.
   */
  static char charAt(String s, int i) {
    if (i < 0 || i >= s.length()) {
      throw new StringIndexOutOfBoundsException("String index out of range: " + i);
    }
    return s.charAt(i);
  }

  static int skipSpaces(String toParse, int idx) {
    while (idx < toParse.length() && isBlank(toParse.charAt(idx))) {
      ++idx;
    }
    return idx;
  }

  /**
   * The index just after the CQL value starting at {@code idx}: a quoted string, a bracketed
   * collection, tuple or user type value, or a run of identifier characters.
   *
   * @throws IllegalArgumentException when there is no value there, or it does not end
   */
  static int skipCQLValue(String toParse, int idx) {
    if (idx >= toParse.length() || isBlank(toParse.charAt(idx))) {
      throw new IllegalArgumentException();
    }
    char first = toParse.charAt(idx);
    if (first == '\'') {
      return skipString(toParse, idx);
    }
    if (first == '{' || first == '[' || first == '(') {
      int depth = 0;
      boolean inString = false;
      for (int i = idx; i < toParse.length(); i++) {
        char c = toParse.charAt(i);
        if (inString) {
          if (c == '\'') {
            if (i + 1 < toParse.length() && toParse.charAt(i + 1) == '\'') {
              i++;
            } else {
              inString = false;
            }
          }
        } else if (c == '\'') {
          inString = true;
        } else if (c == '{' || c == '[' || c == '(') {
          depth++;
        } else if (c == '}' || c == ']' || c == ')') {
          if (--depth == 0) {
            return i + 1;
          }
        }
      }
      throw new IllegalArgumentException();
    }
    int i = idx;
    while (i < toParse.length() && isIdentifierChar(toParse.charAt(i))) {
      i++;
    }
    if (i == idx) {
      throw new IllegalArgumentException();
    }
    return i;
  }

  private static int skipString(String toParse, int idx) {
    for (int i = idx + 1; i < toParse.length(); i++) {
      if (toParse.charAt(i) == '\'') {
        if (i + 1 < toParse.length() && toParse.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i + 1;
        }
      }
    }
    throw new IllegalArgumentException();
  }

  /** The index after the identifier (plain or double-quoted) starting at {@code idx}. */
  static int skipCQLId(String toParse, int idx) {
    if (idx >= toParse.length()) {
      throw new IllegalArgumentException();
    }
    char c = toParse.charAt(idx);
    if (isIdentifierChar(c)) {
      while (idx < toParse.length() && isIdentifierChar(toParse.charAt(idx))) {
        idx++;
      }
      return idx;
    }
    if (c != '"') {
      throw new IllegalArgumentException();
    }
    while (++idx < toParse.length()) {
      if (toParse.charAt(idx) == '"') {
        if (idx + 1 < toParse.length() && toParse.charAt(idx + 1) == '"') {
          idx++;
        } else {
          return idx + 1;
        }
      }
    }
    throw new IllegalArgumentException();
  }

  static boolean isIdentifierChar(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+'
        || c == '.' || c == '_' || c == '&';
  }

  static boolean isBlank(int c) {
    return c == ' ' || c == '\t' || c == '\n';
  }

  /** Whether the text is an optionally signed run of digits. */
  static boolean isLongLiteral(String str) {
    if (str == null || str.isEmpty()) {
      return false;
    }
    for (int i = 0; i < str.length(); i++) {
      char c = str.charAt(i);
      if (!((c >= '0' && c <= '9') || (i == 0 && c == '-' && str.length() > 1))) {
        return false;
      }
    }
    return true;
  }

  static boolean isQuoted(String value) {
    return isQuoted(value, '\'');
  }

  /** {@code 'value'}, single quotes inside doubled. */
  public static String quote(String value) {
    return quote(value, '\'');
  }

  static String unquote(String value) {
    return unquote(value, '\'');
  }

  static String doubleQuote(String value) {
    return quote(value, '"');
  }

  public static String unDoubleQuote(String value) {
    return unquote(value, '"');
  }

  /** Whether the text starts and ends with {@code quoteChar}. */
  public static boolean isQuoted(String value, char quoteChar) {
    return value != null && value.length() > 1 && value.charAt(0) == quoteChar
        && value.charAt(value.length() - 1) == quoteChar;
  }

  private static String quote(String value, char quoteChar) {
    if (value == null) {
      return null;
    }
    String q = String.valueOf(quoteChar);
    return q + value.replace(q, q + q) + q;
  }

  private static String unquote(String value, char quoteChar) {
    if (!isQuoted(value, quoteChar)) {
      return value;
    }
    String q = String.valueOf(quoteChar);
    return value.substring(1, value.length() - 1).replace(q + q, q);
  }

  /** A CQL timestamp text in one of its forms (UTC when it names no zone). */
  static Date parseDate(String str) throws ParseException {
    for (String form : DATE_FORMS) {
      for (String zone : ZONES) {
        Date d = tryParse(str, form + zone);
        if (d != null) {
          return d;
        }
      }
    }
    throw new ParseException("Unable to parse the date: " + str, -1);
  }

  /** A date text in exactly {@code pattern} (UTC). */
  static Date parseDate(String str, String pattern) throws ParseException {
    Date d = tryParse(str, pattern);
    if (d == null) {
      throw new ParseException("Unable to parse the date: " + str, -1);
    }
    return d;
  }

  private static Date tryParse(String str, String pattern) {
    SimpleDateFormat format = new SimpleDateFormat(pattern);
    format.setLenient(false);
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    ParsePosition pos = new ParsePosition(0);
    Date d = format.parse(str, pos);
    return d != null && pos.getIndex() == str.length() ? d : null;
  }

  /**
   * Nanoseconds since midnight of {@code hh:mm:ss[.fffffffff]}.
   *
   * @throws IllegalArgumentException "Hour out of bounds." and the like
   */
  static long parseTime(String s) throws ParseException {
    String formatError = "Timestamp format must be hh:mm:ss[.fffffffff]";
    if (s == null) {
      throw new IllegalArgumentException(formatError);
    }
    s = s.trim();
    int firstColon = s.indexOf(':');
    int secondColon = s.indexOf(':', firstColon + 1);
    if (firstColon <= 0 || secondColon <= 0 || secondColon >= s.length() - 1) {
      throw new ParseException(formatError, -1);
    }
    long hour = Integer.parseInt(s.substring(0, firstColon));
    if (hour < 0 || hour >= 24) {
      throw new IllegalArgumentException("Hour out of bounds.");
    }
    long minute = Integer.parseInt(s.substring(firstColon + 1, secondColon));
    if (minute < 0 || minute >= 60) {
      throw new IllegalArgumentException("Minute out of bounds.");
    }
    int period = s.indexOf('.', secondColon + 1);
    long second;
    long nanos = 0;
    if (period > 0 && period < s.length() - 1) {
      second = Integer.parseInt(s.substring(secondColon + 1, period));
      String fraction = s.substring(period + 1);
      if (fraction.length() > 9 || !Character.isDigit(fraction.charAt(0))) {
        throw new IllegalArgumentException(formatError);
      }
      nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
    } else if (period > 0) {
      throw new ParseException(formatError, -1);
    } else {
      second = Integer.parseInt(s.substring(secondColon + 1));
    }
    if (second < 0 || second >= 60) {
      throw new IllegalArgumentException("Second out of bounds.");
    }
    return ((hour * 60 + minute) * 60 + second) * 1_000_000_000L + nanos;
  }

  /** {@code hh:mm:ss.fffffffff} of nanoseconds since midnight. */
  static String formatTime(long value) {
    long nanos = value % 1_000_000_000L;
    long seconds = value / 1_000_000_000L;
    return String.format("%02d:%02d:%02d.%09d", seconds / 3600, (seconds / 60) % 60, seconds % 60, nanos);
  }
}
