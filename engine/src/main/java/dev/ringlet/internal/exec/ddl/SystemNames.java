package dev.ringlet.internal.exec.ddl;

import java.util.Set;

/** The keyspaces users may not change. */
public final class SystemNames {

  private static final Set<String> SYSTEM = Set.of(
      "system", "system_schema", "system_auth", "system_distributed", "system_traces", "system_views",
      "system_virtual_schema");

  private SystemNames() {}

  public static boolean isSystem(String keyspace) {
    return SYSTEM.contains(keyspace);
  }
}
