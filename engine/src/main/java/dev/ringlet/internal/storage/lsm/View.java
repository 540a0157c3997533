package dev.ringlet.internal.storage.lsm;

import dev.ringlet.internal.storage.Memtable;
import dev.ringlet.internal.storage.sstable.SSTableReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What a read sees of one table at one moment: the memtable taking writes, memtables being flushed,
 * and the live SSTables. Immutable; flushes, compactions and truncation swap in a new one.
 */
record View(Memtable active, List<Memtable> flushing, List<SSTableReader> sstables) {

  View {
    flushing = List.copyOf(flushing);
    sstables = List.copyOf(sstables);
  }

  boolean memoryOnly() {
    return flushing.isEmpty() && sstables.isEmpty();
  }

  View switchMemtable(Memtable fresh) {
    List<Memtable> f = new ArrayList<>(flushing);
    f.add(active);
    return new View(fresh, f, sstables);
  }

  View flushed(Memtable done, SSTableReader result) {
    List<Memtable> f = new ArrayList<>(flushing);
    f.remove(done);
    List<SSTableReader> s = new ArrayList<>(sstables);
    if (result != null) {
      s.add(result);
    }
    return new View(active, f, s);
  }

  View replaced(List<SSTableReader> removed, List<SSTableReader> added) {
    List<SSTableReader> s = new ArrayList<>(sstables);
    s.removeAll(removed);
    s.addAll(added);
    return new View(active, flushing, s);
  }

  /** The current view with a reference on each of its SSTables; retries when a compaction retires one meanwhile. */
  static View acquire(java.util.function.Supplier<View> current) {
    while (true) {
      View v = current.get();
      List<SSTableReader> taken = new ArrayList<>(v.sstables().size());
      boolean all = true;
      for (SSTableReader s : v.sstables()) {
        if (s.ref()) {
          taken.add(s);
        } else {
          all = false;
          break;
        }
      }
      if (all) {
        return v;
      }
      for (SSTableReader s : taken) {
        s.unref();
      }
    }
  }

  /** Releases the references {@link #acquire} took. */
  void release() {
    for (SSTableReader s : sstables) {
      s.unref();
    }
  }

  /** Every memtable, newest first. */
  List<Memtable> memtables() {
    List<Memtable> all = new ArrayList<>(flushing.size() + 1);
    all.add(active);
    for (int i = flushing.size() - 1; i >= 0; i--) {
      all.add(flushing.get(i));
    }
    return all;
  }
}
