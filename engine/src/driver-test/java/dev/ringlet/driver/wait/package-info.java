/**
 * How the engine's tests wait for what happens on other threads and in other processes: one
 * bounded poll ({@link dev.ringlet.driver.wait.Await}), also behind the driver's view of a node's
 * state ({@link dev.ringlet.driver.wait.DriverNodeStates}, which reads the driver's public metadata:
 * listening on its internal event bus from a test thread races with the driver's own threads).
 * No test sleeps a fixed time.
 */
package dev.ringlet.driver.wait;
