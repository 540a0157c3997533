package dev.ringlet.spring.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ringlet.api.RingletCluster;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.test.context.TestContext;

class ResetTestExecutionListenerTest {

  private final ResetTestExecutionListener listener = new ResetTestExecutionListener();

  @Test
  void should_not_load_a_context_that_is_not_loaded() {
    TestContext testContext = mock(TestContext.class);
    when(testContext.hasApplicationContext()).thenReturn(false);

    listener.afterTestMethod(testContext);

    verify(testContext, never()).getApplicationContext();
  }

  @Test
  void should_do_nothing_in_a_context_without_ringlet() {
    TestContext testContext = mock(TestContext.class);
    when(testContext.hasApplicationContext()).thenReturn(true);
    StaticApplicationContext context = new StaticApplicationContext();
    context.refresh();
    when(testContext.getApplicationContext()).thenReturn(context);

    listener.afterTestMethod(testContext);

    verify(testContext).getApplicationContext();
  }

  @Test
  void should_truncate_the_reset_keyspaces_after_a_test() {
    RingletCluster cluster = mock(RingletCluster.class);
    TestContext testContext = mock(TestContext.class);
    when(testContext.hasApplicationContext()).thenReturn(true);
    StaticApplicationContext context = new StaticApplicationContext();
    context.getBeanFactory().registerSingleton("reset", new TestDataReset(cluster, Set.of("shop")));
    context.refresh();
    when(testContext.getApplicationContext()).thenReturn(context);

    listener.afterTestMethod(testContext);

    verify(cluster).truncate(Set.of("shop"));
  }
}
