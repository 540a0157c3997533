package dev.ringlet.internal.storage;

/** A deletion of every row whose clustering lies between two bounds. */
public record RangeTombstone(ClusteringComparator.Bound start, ClusteringComparator.Bound end, DeletionTime deletion) {}
