package dev.ringlet.internal.trace;

import java.net.InetAddress;

/**
 * One event of a trace session, as a row of {@code system_traces.events} holds it.
 *
 * @param activity what happened, in 5.0's words
 * @param source the node that recorded it
 * @param sourcePort that node's storage port
 * @param atMicros when, on the recording node's clock (the event id's time)
 * @param elapsedMicros since the recording node began its part of the session
 * @param thread the recording thread's name
 */
public record TraceEvent(String activity, InetAddress source, int sourcePort, long atMicros, long elapsedMicros,
    String thread) {}
