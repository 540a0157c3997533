/**
 * How the starter works, none of it public: properties to {@code ClusterSpec}
 * ({@link dev.ringlet.spring.internal.ClusterSpecs}), the clusters shared between Spring's cached
 * test contexts ({@link dev.ringlet.spring.internal.SharedClusters}), keyspace and script set-up
 * ({@link dev.ringlet.spring.internal.SchemaSetup}), the connection details, the driver tuning and
 * the reset after each test ({@link dev.ringlet.spring.internal.ResetTestExecutionListener}).
 */
package dev.ringlet.spring.internal;
