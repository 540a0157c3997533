package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.response.Event;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections of one server: for events, counting, and closing them all. */
final class ConnectionRegistry {

  private final Map<Channel, ConnectionStateHandler> connections = new ConcurrentHashMap<>();

  void add(Channel channel, ConnectionStateHandler handler) {
    connections.put(channel, handler);
    channel.closeFuture().addListener(future -> connections.remove(channel));
  }

  int size() {
    return connections.size();
  }

  void publish(Event event) {
    connections.values().forEach(connection -> connection.deliver(event));
  }

  /** Closes every connection and waits until all are closed. */
  void closeAll() {
    List<ChannelFuture> closing = new ArrayList<>();
    for (Channel channel : connections.keySet()) {
      closing.add(channel.close());
    }
    closing.forEach(ChannelFuture::syncUninterruptibly);
  }

  /** The channels, for tests that look at a connection's read state. */
  List<Channel> channels() {
    return List.copyOf(connections.keySet());
  }
}
