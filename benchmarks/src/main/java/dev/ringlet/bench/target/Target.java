package dev.ringlet.bench.target;

import java.net.InetSocketAddress;
import java.util.List;

/** A running server the load program can drive; closing it stops what this program started. */
public interface Target extends AutoCloseable {

  TargetKind kind();

  List<InetSocketAddress> contactPoints();

  String localDatacenter();

  @Override
  void close();
}
