package dev.ringlet.spring.container;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Data Cassandra application with no connection properties: @ServiceConnection supplies them. */
@SpringBootApplication
public class GarageApplication {
}
