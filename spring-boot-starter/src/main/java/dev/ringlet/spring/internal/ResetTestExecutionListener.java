package dev.ringlet.spring.internal;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * After each test method, empties the tables of the keyspaces a Ringlet context resets
 * ({@code ringlet.reset.*}). Registered for every Spring test through {@code spring.factories}; it
 * does nothing for contexts without Ringlet and never loads a context itself.
 */
public final class ResetTestExecutionListener implements TestExecutionListener, Ordered {

  /**
   * After-callbacks run in reverse order, so a late order resets first, right after the test
   * method, before other listeners' clean-up (which has no Cassandra data to touch).
   */
  private static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public void afterTestMethod(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    context.getBeanProvider(TestDataReset.class).ifAvailable(TestDataReset::reset);
  }
}
