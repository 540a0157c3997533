/**
 * Ringlet for Spring Boot tests: {@link dev.ringlet.spring.AutoConfigureRinglet} (or
 * {@code ringlet.enabled=true}) starts a Ringlet cluster before Spring Boot's Cassandra
 * auto-configuration and publishes it as the {@code CassandraConnectionDetails}, so the
 * application's own {@code CqlSession}, templates and repositories connect to it. The settings are
 * the {@code ringlet.*} properties, {@link dev.ringlet.spring.RingletProperties}.
 *
 * <p>Everything under {@code dev.ringlet.spring.internal} is an implementation detail.
 */
package dev.ringlet.spring;
