package dev.ringlet.internal.system;

import static dev.ringlet.internal.system.TableDefinitions.options;
import static dev.ringlet.internal.system.TableDefinitions.table;

import dev.ringlet.internal.system.TableDefinitions.TableDefinition;
import java.util.List;

/**
 * The tables of Cassandra 5.0's {@code system_auth} keyspace as clients see them in
 * {@code system_schema}: columns (see {@link TableDefinitions} for the
 * notation), comments and the options that differ from a user table's defaults. Transcribed from
 * a real 5.0.9 node ({@code golden/system/} test resources); long only because the list is.
 */
final class AuthKeyspaceTables {

  private AuthKeyspaceTables() {}

  static final List<TableDefinition> TABLES = List.of(
    table("cidr_groups", "cidr groups to cidrs mapping",
        options("gc_grace_seconds", "7776000"),
        "cidr_group text PK",
        "cidrs frozen<set<frozen<tuple<inet, smallint>>>>"),
    table("cidr_permissions", "user cidr permissions",
        options("gc_grace_seconds", "7776000"),
        "role text PK",
        "cidr_groups frozen<set<text>>"),
    table("identity_to_role", "mtls authorized identities lookup table",
        options("gc_grace_seconds", "7776000"),
        "identity text PK",
        "role text"),
    table("network_permissions", "user network permissions",
        options("gc_grace_seconds", "7776000"),
        "role text PK",
        "dcs frozen<set<text>>"),
    table("resource_role_permissons_index", "index of db roles with permissions granted on a resource",
        options("gc_grace_seconds", "7776000"),
        "resource text PK",
        "role text CK"),
    table("role_members", "role memberships lookup table",
        options("gc_grace_seconds", "7776000"),
        "role text PK",
        "member text CK"),
    table("role_permissions", "permissions granted to db roles",
        options("gc_grace_seconds", "7776000"),
        "role text PK",
        "resource text CK",
        "permissions set<text>"),
    table("roles", "role definitions",
        options("gc_grace_seconds", "7776000"),
        "role text PK",
        "can_login boolean",
        "is_superuser boolean",
        "salted_hash text",
        "member_of set<text>"));
}
