package dev.ringlet.internal.exec;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.PartitionUpdate;
import java.util.List;
import java.util.Map;

/**
 * Makes a LOGGED batch atomic across partitions: the batch is first stored in a batchlog on other
 * nodes, then applied, then removed from the batchlog; if the coordinator dies in between, a
 * batchlog node replays it. On one node there is nothing to protect against: the batch just runs.
 */
@FunctionalInterface
public interface LoggedBatches {

  /**
   * @param mutations the batch's updates by table
   * @param apply writes every update at the request's level
   */
  void run(Map<TableMetadata, List<PartitionUpdate>> mutations, ConsistencyLevel consistency, Runnable apply);

  LoggedBatches NONE = (mutations, consistency, apply) -> apply.run();
}
