/** The standalone server's command line entry point, and its {@code nodetool} command for running nodes. */
package dev.ringlet.internal.standalone;
