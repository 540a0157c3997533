/**
 * Roles and permissions as Cassandra 5.0 runs them with PasswordAuthenticator, CassandraRoleManager
 * and CassandraAuthorizer ({@link dev.ringlet.internal.exec.auth.AccessControl} is the entry point),
 * or refuses them without authentication. Roles and permissions live in the {@code system_auth}
 * tables, read and written with internal CQL through the node's normal read and write paths.
 */
package dev.ringlet.internal.exec.auth;
