/**
 * Ringlet's public embedded API: describe a cluster with {@link dev.ringlet.api.ClusterSpec}, start
 * it with {@link dev.ringlet.api.Ringlet#start}, and use the running {@link
 * dev.ringlet.api.RingletCluster} handle. Nothing here mentions an internal type.
 */
package dev.ringlet.api;
