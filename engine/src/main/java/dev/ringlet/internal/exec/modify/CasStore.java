package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.storage.ForwardingTableStore;
import dev.ringlet.internal.storage.TableStore;

/** A conditional write's view of a table: reads at the serial level, writes at the commit level. */
final class CasStore extends ForwardingTableStore {

  CasStore(TableStore read, TableStore commit) {
    super(read, commit);
  }
}
