package dev.ringlet.internal.gossip;

import java.util.List;

/**
 * An operator's command to one node of a multi-process cluster (verb {@code ADMIN}), as
 * {@code java -jar ringlet.jar nodetool ...} sends it over the internode port: {@code status},
 * {@code decommission}, {@code removenode <host id>}, {@code repair <keyspace> [tables...]}. The
 * answer is the text to print, or a failure carrying the error message.
 */
public record AdminCommand(String name, List<String> arguments) {

  public AdminCommand {
    arguments = List.copyOf(arguments);
  }
}
