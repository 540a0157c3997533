/** The standalone server's command line entry point. */
package dev.ringlet.internal.standalone;
