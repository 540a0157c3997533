/**
 * How the engine's tests wait for what happens on other threads and in other processes: driver
 * events where the driver has them ({@link dev.ringlet.driver.wait.DriverNodeStates}), else the one
 * bounded poll ({@link dev.ringlet.driver.wait.Await}). No test sleeps.
 */
package dev.ringlet.driver.wait;
