/**
 * The extension's workings: settings read from the annotation, the per-cluster resource kept in
 * JUnit's stores, schema scripts, resets and the driver sessions. Not public API; may change
 * without notice. Only {@code SessionPool} and {@code TestDriverConfig} touch driver types, and only
 * after {@code DriverCheck} found the driver.
 */
package dev.ringlet.junit.internal;
