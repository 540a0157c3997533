package dev.ringlet.internal.auth;

import org.mindrot.jbcrypt.BCrypt;

/**
 * Passwords as Cassandra stores them in {@code system_auth.roles.salted_hash}: bcrypt ({@code $2a$}),
 * with a fresh random salt and 2^10 rounds (Cassandra's {@code auth_bcrypt_gensalt_log2_rounds}
 * default), so a hash made by either server checks on the other. Costs ~50-100 ms per call, by design.
 */
public final class PasswordHashing {

  /** Cassandra's default work factor. */
  public static final int LOG2_ROUNDS = 10;

  private PasswordHashing() {}

  public static String hash(String password) {
    return BCrypt.hashpw(password, BCrypt.gensalt(LOG2_ROUNDS));
  }

  /** False for a wrong password and for a stored value that is not a bcrypt hash. */
  public static boolean check(String password, String hash) {
    if (hash == null) {
      return false;
    }
    try {
      return BCrypt.checkpw(password, hash);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether {@code hash} looks like a bcrypt hash (for HASHED PASSWORD). */
  public static boolean isBcrypt(String hash) {
    return hash.matches("\\$2[abxy]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  }
}
