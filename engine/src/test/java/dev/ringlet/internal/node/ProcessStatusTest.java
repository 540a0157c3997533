package dev.ringlet.internal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.gossip.MemberInfo;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProcessStatusTest {

  private static MemberInfo member(String dc, String rack, String address, int port, long id, int tokens) throws Exception {
    List<Long> t = new java.util.ArrayList<>();
    for (int i = 0; i < tokens; i++) {
      t.add((long) i);
    }
    InetAddress a = InetAddress.getByName(address);
    return new MemberInfo("c", new UUID(1, id), dc, rack, "5.0.4", a, 9042, a, port, t);
  }

  @Test
  void should_list_each_datacenter_with_the_status_and_state_letters_of_nodetool() throws Exception {
    String text = ProcessStatus.format(List.of(
        new ProcessStatus.Entry(member("dc2", "r1", "10.0.0.9", 7000, 9, 4), true, ProcessStatus.State.JOINING),
        new ProcessStatus.Entry(member("dc1", "r2", "10.0.0.2", 7000, 2, 16), false, ProcessStatus.State.NORMAL),
        new ProcessStatus.Entry(member("dc1", "r1", "10.0.0.1", 7001, 1, 16), true, ProcessStatus.State.LEAVING)));

    assertThat(text).isEqualTo(String.join("\n",
        "Datacenter: dc1",
        "===============",
        "Status=Up/Down",
        "|/ State=Normal/Leaving/Joining/Moving",
        "--  Address               Tokens  Host ID                               Rack",
        "UL  10.0.0.1:7001         16      00000000-0000-0001-0000-000000000001  r1",
        "DN  10.0.0.2              16      00000000-0000-0001-0000-000000000002  r2",
        "",
        "Datacenter: dc2",
        "===============",
        "Status=Up/Down",
        "|/ State=Normal/Leaving/Joining/Moving",
        "--  Address               Tokens  Host ID                               Rack",
        "UJ  10.0.0.9              4       00000000-0000-0001-0000-000000000009  r1",
        ""));
  }
}
