/**
 * Membership and failure detection: each node's {@link dev.ringlet.internal.gossip.Gossiper}
 * exchanges heartbeats with its peers on every round of the cluster clock and convicts a silent
 * peer with a phi-accrual detector; see {@code Gossip.md}.
 */
package dev.ringlet.internal.gossip;
