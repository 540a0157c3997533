/**
 * Authentication building blocks that need no table: the SASL PLAIN token, password hashing
 * (bcrypt, as Cassandra's PasswordAuthenticator), the authenticated user, permissions and the
 * resources they apply to. The role and permission stores that read and write {@code system_auth}
 * live in {@code internal.exec.auth}.
 */
package dev.ringlet.internal.auth;
