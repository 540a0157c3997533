/**
 * Membership and failure detection: each node's {@link dev.ringlet.internal.gossip.Gossiper}
 * exchanges heartbeats with its peers on every round of the cluster clock and convicts a silent
 * peer with a phi-accrual detector; see {@code Gossip.md}. Over TCP, the messages processes exchange
 * about membership: who they are ({@link dev.ringlet.internal.gossip.MemberInfo}), the steps of a
 * bootstrap, decommission or removenode ({@link dev.ringlet.internal.gossip.RingChange}) and an
 * operator's {@code nodetool} command ({@link dev.ringlet.internal.gossip.AdminCommand}).
 */
package dev.ringlet.internal.gossip;
