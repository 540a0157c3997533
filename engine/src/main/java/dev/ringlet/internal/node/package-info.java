/** A node's composition root and the running cluster handle. */
package dev.ringlet.internal.node;
