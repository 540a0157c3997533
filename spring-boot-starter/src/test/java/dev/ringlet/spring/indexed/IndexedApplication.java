package dev.ringlet.spring.indexed;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application whose entity has a secondary index, apart from the others so its schema stays its own. */
@SpringBootApplication
public class IndexedApplication {
}
