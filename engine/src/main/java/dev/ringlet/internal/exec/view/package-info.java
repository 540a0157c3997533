/**
 * Materialized view maintenance: {@link dev.ringlet.internal.exec.view.ViewUpdates} turns one base
 * partition update and the base partition as stored before it into the view mutations (a pure
 * function), and {@link dev.ringlet.internal.exec.view.ViewMaintenance} runs it where a replica
 * applies a base write, sending the view mutations on through a {@link
 * dev.ringlet.internal.exec.view.ViewWriter}. See {@code Views.md} for the rules and where they
 * differ from Cassandra's.
 */
package dev.ringlet.internal.exec.view;
