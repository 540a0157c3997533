package dev.ringlet.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Data Cassandra application the slice tests run: orders, page views. */
@SpringBootApplication
public class ShopTestApplication {
}
