package dev.ringlet.internal.storage;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The partitions a source yields, each turned into a {@link LivePartition} by a cut (a slice's
 * bounds, a merge), those the cut leaves empty skipped. The source is asked for on the first
 * {@code hasNext}, so a source that is a remote read is sent only when a reader wants a partition.
 */
public final class NonEmptyPartitions<T> implements Iterator<LivePartition> {

  private final Supplier<? extends Iterator<T>> source;
  private final Function<? super T, LivePartition> cut;
  private Iterator<T> items;
  private LivePartition next;

  private NonEmptyPartitions(Supplier<? extends Iterator<T>> source, Function<? super T, LivePartition> cut) {
    this.source = source;
    this.cut = cut;
  }

  /** The non-empty results of {@code cut} over what {@code source} (asked once, on first use) yields. */
  public static <T> Iterator<LivePartition> of(Supplier<? extends Iterator<T>> source,
      Function<? super T, LivePartition> cut) {
    return new NonEmptyPartitions<>(source, cut);
  }

  @Override
  public boolean hasNext() {
    if (items == null) {
      items = source.get();
    }
    while (next == null && items.hasNext()) {
      LivePartition p = cut.apply(items.next());
      if (!p.isEmpty()) {
        next = p;
      }
    }
    return next != null;
  }

  @Override
  public LivePartition next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    LivePartition out = next;
    next = null;
    return out;
  }
}
