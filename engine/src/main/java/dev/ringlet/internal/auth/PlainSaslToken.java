package dev.ringlet.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The credentials of a SASL PLAIN token (RFC 4616): {@code [authzid] NUL authcid NUL passwd}, UTF-8.
 * Read from the end, as Cassandra's PasswordAuthenticator reads it: the last field is the password,
 * the one before it the user; an authorization id in front is ignored.
 */
public record PlainSaslToken(String username, String password) {

  private static final byte NUL = 0;

  public static PlainSaslToken parse(byte[] token) {
    byte[] user = null;
    byte[] pass = null;
    int end = token.length;
    for (int i = token.length - 1; i >= 0; i--) {
      if (token[i] != NUL) {
        continue;
      }
      if (pass == null) {
        pass = Arrays.copyOfRange(token, i + 1, end);
      } else if (user == null) {
        user = Arrays.copyOfRange(token, i + 1, end);
      } else {
        throw new AuthenticationFailure(
            "Credential format error: username or password is empty or contains NUL(\\0) character");
      }
      end = i;
    }
    if (pass == null || pass.length == 0) {
      throw new AuthenticationFailure("Password must not be null");
    }
    if (user == null || user.length == 0) {
      throw new AuthenticationFailure("Authentication ID must not be null");
    }
    return new PlainSaslToken(new String(user, StandardCharsets.UTF_8), new String(pass, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "PlainSaslToken[username=" + username + ", password=<hidden>]";
  }
}
