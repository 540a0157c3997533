package dev.ringlet.wire;

/**
 * The I/O threads that protocol servers run on. One instance may be shared by many servers (all the
 * nodes of a cluster, or of several clusters in one JVM) so that a node costs no threads of its own.
 * Closing it stops the threads; close it after every server that uses it.
 */
public interface WireResources extends AutoCloseable {

  /** Creates resources with the given number of I/O threads (0 means Netty's default). */
  static WireResources create(int ioThreads) {
    return dev.ringlet.wire.internal.NettyResources.create(ioThreads);
  }

  @Override
  void close();
}
