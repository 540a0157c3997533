/** SELECT: restriction analysis, selection, row iteration, paging. */
package dev.ringlet.internal.exec.select;
