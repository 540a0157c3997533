package dev.ringlet.internal.types;

/** A CQL {@code duration}: months, days and nanoseconds, each signed, all of one sign. */
public record CqlDuration(int months, int days, long nanoseconds) {}
