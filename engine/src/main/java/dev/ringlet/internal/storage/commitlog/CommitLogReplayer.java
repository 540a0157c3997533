package dev.ringlet.internal.storage.commitlog;

import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.sstable.SSTableStatistics.CommitLogBound;
import dev.ringlet.internal.storage.sstable.Serialization;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the previous run's segments and hands each entry to its table, skipping entries a table
 * already has in its SSTables (at or before its replay floor) and entries of tables that no longer
 * exist. A segment ends at the first entry that is torn (short) or fails its checksum: everything
 * before it is replayed and the rest of that segment ignored.
 *
 * <p>Damage is expected only at the log's tail (a crash while the newest segment was being written;
 * an older segment was synced whole before the next one started), so it is logged and tolerated there:
 * in the last segment that holds entries, or in one followed only by segments without any. Damage
 * followed by a segment that holds entries means acknowledged writes were lost in the middle of the
 * log; as Cassandra 5.0 does, replay then fails with {@link CommitLogReplayException} and the node does
 * not start, unless the caller chose to ignore replay errors (Cassandra's
 * {@value #IGNORE_REPLAY_ERRORS_PROPERTY} system property), in which case it is logged and the rest
 * replayed.
 */
public final class CommitLogReplayer {

  /** Made on first use: a start that logs nothing never initialises the application's logging backend. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(CommitLogReplayer.class);
  }

  /** The system property (Cassandra's name) that lets a node start despite damage inside the log. */
  public static final String IGNORE_REPLAY_ERRORS_PROPERTY = "cassandra.commitlog.ignorereplayerrors";

  private CommitLogReplayer() {}

  /** Damage inside the commit log (not at its tail): the node must not start on what it lost. */
  public static final class CommitLogReplayException extends IOException {
    private static final long serialVersionUID = 1L;

    CommitLogReplayException(String message) {
      super(message);
    }
  }

  /** Where replayed entries go. */
  public interface Target {
    /** Entries at or before this position are already flushed. */
    CommitLogBound replayFloor();

    void apply(PartitionUpdate update);
  }

  /** What a replay did. {@code stoppedAt} describes the first damaged tail, or is null. */
  public record Result(long entries, long skipped, String stoppedAt) {}

  /** Replays as {@link #replay(List, Function, boolean)}, failing on damage inside the log. */
  public static Result replay(List<Path> segments, Function<UUID, Target> tables) throws IOException {
    return replay(segments, tables, false);
  }

  /**
   * Replays {@code segments} (in id order) into their tables. Fails with {@link
   * CommitLogReplayException} after reading them all when a damaged segment is followed by one holding
   * entries, unless {@code ignoreErrors}.
   */
  public static Result replay(List<Path> segments, Function<UUID, Target> tables, boolean ignoreErrors) throws IOException {
    long entries = 0;
    long skipped = 0;
    String stoppedAt = null;
    String inside = null; // the first damage followed by a segment with entries
    String damaged = null; // the latest damage not yet followed by one
    for (Path segment : segments) {
      long readBefore = entries + skipped;
      byte[] all = Files.readAllBytes(segment);
      ByteBuffer in = ByteBuffer.wrap(all);
      long id = CommitLogSegment.idOf(segment.getFileName().toString());
      String problem = checkHeader(in, id);
      while (problem == null && in.hasRemaining()) {
        int start = in.position();
        if (in.remaining() < 8) {
          problem = "torn entry header at position " + start;
          break;
        }
        int length = in.getInt();
        int lengthCrc = in.getInt();
        CRC32 crc = new CRC32();
        crc.update(all, start, 4);
        if (lengthCrc != (int) crc.getValue() || length < 16) {
          problem = length == 0 && lengthCrc == 0 ? "zeroed tail at position " + start : "corrupt entry length at position " + start;
          break;
        }
        if (in.remaining() < length + 4) {
          problem = "torn entry at position " + start + " (" + length + " bytes announced, " + (in.remaining() - 4) + " present)";
          break;
        }
        crc.reset();
        crc.update(all, in.position(), length);
        int bodyCrc = in.getInt(in.position() + length);
        if (bodyCrc != (int) crc.getValue()) {
          problem = "checksum mismatch in the entry at position " + start;
          break;
        }
        ByteBuffer body = ByteBuffer.wrap(all, in.position(), length).slice();
        in.position(in.position() + length + 4);
        UUID table = new UUID(body.getLong(), body.getLong());
        Target target = tables.apply(table);
        CommitLogBound end = new CommitLogBound(id, in.position());
        if (target == null || end.compareTo(target.replayFloor()) <= 0) {
          skipped++;
          continue;
        }
        PartitionUpdate update;
        try {
          update = Serialization.readPartition(body);
        } catch (RuntimeException e) {
          problem = "entry at position " + start + " does not parse: " + e;
          break;
        }
        target.apply(update);
        entries++;
      }
      if (damaged != null && entries + skipped > readBefore && inside == null) {
        inside = damaged;
      }
      if (problem != null) {
        String where = segment + ": " + problem;
        Log.LOG.warn("Commit log replay stopped reading {}; entries after it in this segment are ignored", where);
        if (stoppedAt == null) {
          stoppedAt = where;
        }
        damaged = where;
      }
    }
    if (inside != null) {
      String message = "Commit log replay failed: " + inside + ", and later segments hold entries, so acknowledged"
          + " writes after the damage would be lost. Start the node with -D" + IGNORE_REPLAY_ERRORS_PROPERTY
          + "=true to ignore commit log replay problems";
      if (!ignoreErrors) {
        throw new CommitLogReplayException(message);
      }
      Log.LOG.error("Ignoring a commit log replay error ({}=true): {}", IGNORE_REPLAY_ERRORS_PROPERTY, inside);
    }
    if (entries > 0 || skipped > 0) {
      Log.LOG.info("Commit log replay: {} entries applied, {} already flushed or of dropped tables, from {} segments",
          entries, skipped, segments.size());
    }
    return new Result(entries, skipped, stoppedAt);
  }

  private static String checkHeader(ByteBuffer in, long id) {
    if (in.remaining() < CommitLogSegment.HEADER_SIZE) {
      return "torn segment header";
    }
    int magic = in.getInt();
    in.getInt();
    long storedId = in.getLong();
    CRC32 crc = new CRC32();
    crc.update(in.array(), 0, 16);
    int stored = in.getInt();
    if (magic != CommitLogSegment.MAGIC || stored != (int) crc.getValue() || storedId != id) {
      return "corrupt segment header";
    }
    return null;
  }
}
