/** Start-up times (embedded and standalone) and the memory an idle node retains. */
package dev.ringlet.bench.startup;
