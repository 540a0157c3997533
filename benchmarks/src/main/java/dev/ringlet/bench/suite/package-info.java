/** The test-suite workload: DDL-heavy set-up, then many small tests with a TRUNCATE reset between them. */
package dev.ringlet.bench.suite;
