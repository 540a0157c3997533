/** INSERT, UPDATE, DELETE and BATCH: analysis into partition updates, lightweight transactions on one node. */
package dev.ringlet.internal.exec.modify;
