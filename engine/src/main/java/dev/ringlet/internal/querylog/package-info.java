/**
 * The query log: what each node received from clients, kept in a bounded ring buffer per cluster
 * and decoded only when read ({@link dev.ringlet.api.QueryLog}).
 */
package dev.ringlet.internal.querylog;
