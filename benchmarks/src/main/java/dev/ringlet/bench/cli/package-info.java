/** Command-line parsing for the benchmark tools. */
package dev.ringlet.bench.cli;
