package dev.ringlet.internal.types;

import java.nio.ByteBuffer;

/**
 * Whether bytes are well-formed UTF-8: the byte sequences of the Unicode standard's table 3-7, the
 * same that the JDK's UTF-8 decoder accepts when it reports malformed input (no overlong forms, no
 * surrogates, nothing above U+10FFFF). A pure scan of the buffer, with no decoder or char buffer per
 * value: every text value a write binds is validated.
 *
 * <pre>
 * 00..7F
 * C2..DF  80..BF
 * E0      A0..BF  80..BF
 * E1..EC  80..BF  80..BF
 * ED      80..9F  80..BF
 * EE..EF  80..BF  80..BF
 * F0      90..BF  80..BF  80..BF
 * F1..F3  80..BF  80..BF  80..BF
 * F4      80..8F  80..BF  80..BF
 * </pre>
 */
final class Utf8Validation {

  private static final long ASCII_MASK = 0x8080808080808080L;

  private Utf8Validation() {}

  /** Whether the remaining bytes of {@code value} are well-formed UTF-8; its position is not changed. */
  static boolean isValid(ByteBuffer value) {
    int i = value.position();
    int end = value.limit();
    while (i < end) {
      if (end - i >= 8 && (value.getLong(i) & ASCII_MASK) == 0) { // eight ASCII bytes at once, in either byte order
        i += 8;
        continue;
      }
      int b = value.get(i) & 0xff;
      if (b < 0x80) {
        i++;
        continue;
      }
      int n;
      int lo = 0x80;
      int hi = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) {
        n = 1;
      } else if (b >= 0xe0 && b <= 0xef) {
        n = 2;
        if (b == 0xe0) {
          lo = 0xa0;
        } else if (b == 0xed) {
          hi = 0x9f;
        }
      } else if (b >= 0xf0 && b <= 0xf4) {
        n = 3;
        if (b == 0xf0) {
          lo = 0x90;
        } else if (b == 0xf4) {
          hi = 0x8f;
        }
      } else {
        return false;
      }
      if (end - i <= n) {
        return false;
      }
      int second = value.get(i + 1) & 0xff;
      if (second < lo || second > hi) {
        return false;
      }
      for (int k = 2; k <= n; k++) {
        int c = value.get(i + k) & 0xff;
        if (c < 0x80 || c > 0xbf) {
          return false;
        }
      }
      i += n + 1;
    }
    return true;
  }
}
