package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.schema.ColumnMetadata;

/**
 * {@code ORDER BY column ANN OF vector}: rows come back by decreasing similarity to the vector,
 * measured with the similarity function of the column's SAI index.
 */
record AnnPlan(ColumnMetadata column, BoundTerm vector, VectorSimilarity similarity) {}
