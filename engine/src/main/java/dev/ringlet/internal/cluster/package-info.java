/** Cluster concepts shared by the executor and the coordinator: consistency levels (replication and coordination come here). */
package dev.ringlet.internal.cluster;
