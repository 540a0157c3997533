/**
 * The no-op baseline server: Ringlet's protocol layer answering from a table of responses recorded
 * from the real engine, so that load results can be divided by what the protocol layer and the
 * driver alone cost on the same machine in the same run.
 */
package dev.ringlet.bench.noop;
