package dev.ringlet.internal.exec.view;

import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.PartitionUpdate;

/**
 * Where a base replica sends the view mutations it computed: the node's own view store on a single
 * node, every replica of the view partition in a cluster.
 */
@FunctionalInterface
public interface ViewWriter {

  void write(TableMetadata view, PartitionUpdate update);
}
