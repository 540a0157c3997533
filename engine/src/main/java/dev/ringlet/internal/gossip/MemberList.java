package dev.ringlet.internal.gossip;

import java.util.List;

/** The payload of a JOIN exchange, both ways: every member the sender knows, itself included. */
public record MemberList(List<MemberInfo> members) {

  public MemberList {
    members = List.copyOf(members);
  }
}
