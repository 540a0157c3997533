package dev.ringlet.internal.storage.lsm;

import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.PartitionUpdate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/** Merges sources sorted by key into groups: every version of the next key, one group at a time. */
final class MergeIterator implements Iterator<List<PartitionUpdate>> {

  private static final class Source {
    final Iterator<PartitionUpdate> it;
    PartitionUpdate head;

    Source(Iterator<PartitionUpdate> it) {
      this.it = it;
      this.head = it.next();
    }
  }

  private final PriorityQueue<Source> queue = new PriorityQueue<>((a, b) -> a.head.key().compareTo(b.head.key()));

  MergeIterator(List<Iterator<PartitionUpdate>> sources) {
    for (Iterator<PartitionUpdate> it : sources) {
      if (it.hasNext()) {
        queue.add(new Source(it));
      }
    }
  }

  @Override
  public boolean hasNext() {
    return !queue.isEmpty();
  }

  @Override
  public List<PartitionUpdate> next() {
    if (queue.isEmpty()) {
      throw new NoSuchElementException();
    }
    DecoratedKey key = queue.peek().head.key();
    List<PartitionUpdate> group = new ArrayList<>(2);
    while (!queue.isEmpty() && queue.peek().head.key().equals(key)) {
      Source s = queue.poll();
      group.add(s.head);
      if (s.it.hasNext()) {
        s.head = s.it.next();
        queue.add(s);
      }
    }
    return group;
  }
}
