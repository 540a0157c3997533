package dev.ringlet.junit;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.QueryLog;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.junit.internal.ClassState;
import dev.ringlet.junit.internal.ClusterReport;
import dev.ringlet.junit.internal.ClusterResource;
import dev.ringlet.junit.internal.ClusterSettings;
import dev.ringlet.junit.internal.DriverCheck;
import dev.ringlet.junit.internal.SettingsReader;
import dev.ringlet.junit.internal.TestTicket;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit Jupiter extension behind {@link CassandraCluster}: starts (or shares) the cluster, runs
 * the schema once per cluster, keeps tests apart, injects parameters and adds a description of the
 * cluster to failures. A thin adapter: its state lives in JUnit's stores (shared clusters in the root
 * store, closed at the end of the run), the work in the engine and the driver.
 *
 * <p>Register it programmatically when the spec is computed:
 *
 * <pre>{@code
 * @RegisterExtension
 * static RingletExtension ringlet = RingletExtension.forSpec(ClusterSpec.defaults().withClusterName("orders"))
 *     .withKeyspace("orders")
 *     .withSchema("classpath:orders.cql");
 * }</pre>
 *
 * <p>Instances are immutable; each {@code withX} returns a new one.
 */
public final class RingletExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

  private static final Namespace NAMESPACE = Namespace.create(RingletExtension.class);

  /** Settings given in code, or {@code null} when read from {@link CassandraCluster} on the test class. */
  private final ClusterSettings programmatic;

  /** Used by {@link CassandraCluster}: reads the settings from the annotation on the test class. */
  public RingletExtension() {
    this(null);
  }

  private RingletExtension(ClusterSettings programmatic) {
    this.programmatic = programmatic;
  }

  /**
   * An extension for the spec, with the other defaults of {@link CassandraCluster}: no keyspace, no
   * schema, {@link Isolation#TRUNCATE_TABLES}, shared with classes asking for the same spec.
   */
  public static RingletExtension forSpec(ClusterSpec spec) {
    return new RingletExtension(configured(() -> ClusterSettings.of(spec), "RingletExtension.forSpec"));
  }

  /** See {@link CassandraCluster#keyspace()}. */
  public RingletExtension withKeyspace(String keyspace) {
    return new RingletExtension(configured(() -> settings().withKeyspace(keyspace), "withKeyspace"));
  }

  /** See {@link CassandraCluster#schema()}. */
  public RingletExtension withSchema(String... locations) {
    return new RingletExtension(configured(() -> settings().withSchema(Arrays.asList(locations)), "withSchema"));
  }

  /** See {@link CassandraCluster#isolation()}. */
  public RingletExtension withIsolation(Isolation isolation) {
    return new RingletExtension(configured(() -> settings().withIsolation(isolation), "withIsolation"));
  }

  /**
   * Serves TLS with a generated certificate that the injected sessions trust. See
   * {@link CassandraCluster#tls()}; the same as {@code forSpec(spec.withClientEncryption(ClientEncryption.selfSigned()))}.
   */
  public RingletExtension withTls() {
    return new RingletExtension(configured(() -> settings().withSpec(
        settings().spec().withClientEncryption(dev.ringlet.api.ClientEncryption.selfSigned())), "withTls"));
  }

  /** The injected sessions' protocol version ({@code "V3"}, {@code "V4"}, {@code "V5"}). See {@link CassandraCluster#protocolVersion()}. */
  public RingletExtension withProtocolVersion(String version) {
    return new RingletExtension(configured(() -> settings().withSession(
        new dev.ringlet.junit.internal.SessionOptions(version, settings().session().compression())), "withProtocolVersion"));
  }

  /** The injected sessions' compression ({@code "lz4"}, {@code "snappy"}, {@code "none"}). See {@link CassandraCluster#compression()}. */
  public RingletExtension withCompression(String compression) {
    return new RingletExtension(configured(() -> settings().withSession(
        new dev.ringlet.junit.internal.SessionOptions(settings().session().protocolVersion(), compression)), "withCompression"));
  }

  /** A cluster for the registering class alone, stopped after it. See {@link CassandraCluster#shared()}. */
  public RingletExtension withOwnCluster() {
    return new RingletExtension(configured(() -> settings().withShared(false), "withOwnCluster"));
  }

  private ClusterSettings settings() {
    if (programmatic == null) {
      throw new IllegalStateException("withX(...) needs an extension made by RingletExtension.forSpec(spec)");
    }
    return programmatic;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    state(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ClassState state = state(context);
    long stamp = state.resource().enterTest();
    String freshKeyspace = "";
    try {
      if (state.settings().isolation() == Isolation.FRESH_KEYSPACE) {
        freshKeyspace = state.resource().createFreshKeyspace(state.settings(), loader(context));
      }
    } catch (RuntimeException e) {
      state.resource().leaveTest(stamp);
      throw failure(context, e);
    }
    context.getStore(NAMESPACE).put(TestTicket.class, new TestTicket(state.resource(), stamp, freshKeyspace));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestTicket ticket = context.getStore(NAMESPACE).get(TestTicket.class, TestTicket.class);
    if (ticket != null) {
      ticket.releaseGate();
    }
    ClassState state = state(context);
    state.resource().afterTest(state.settings().isolation() == Isolation.TRUNCATE_TABLES, state.resetKeyspaces(),
        loader(context));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterKind(parameterContext) != null;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    ClassState state = state(context);
    RingletCluster cluster = state.resource().cluster();
    return switch (parameterKind(parameterContext)) {
      case CLUSTER -> cluster;
      case CONTACT_POINTS -> cluster.contactPoints();
      case QUERY_LOG -> cluster.queryLog();
      case NODE -> singleNode(cluster, parameterContext);
      case SESSION -> session(state, context, parameterContext);
    };
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw withReport(context, throwable);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    throw withReport(context, throwable);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    throw withReport(context, throwable);
  }

  /** Adds the cluster's description to a failure (not to an aborted test) as a suppressed exception. */
  private Throwable withReport(ExtensionContext context, Throwable throwable) {
    if (!(throwable instanceof TestAbortedException)) {
      try {
        ClassState state = state(context);
        throwable.addSuppressed(new ClusterReport(
            ClusterReport.describe(state.settings(), state.resource().cluster(), keyspaceInUse(state, context))));
      } catch (RuntimeException e) {
        // The report is a courtesy; the test's own failure is what matters.
      }
    }
    return throwable;
  }

  private enum Kind { SESSION, CLUSTER, NODE, CONTACT_POINTS, QUERY_LOG }

  private static Kind parameterKind(ParameterContext parameterContext) {
    Class<?> type = parameterContext.getParameter().getType();
    if (type.getName().equals(DriverCheck.SESSION_CLASS)) {
      return Kind.SESSION;
    }
    if (type == RingletCluster.class) {
      return Kind.CLUSTER;
    }
    if (type == RingletNode.class) {
      return Kind.NODE;
    }
    if (type == QueryLog.class) {
      return Kind.QUERY_LOG;
    }
    Type generic = parameterContext.getParameter().getParameterizedType();
    if (type == List.class && generic instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] == InetSocketAddress.class) {
      return Kind.CONTACT_POINTS;
    }
    return null;
  }

  private static RingletNode singleNode(RingletCluster cluster, ParameterContext parameterContext) {
    if (cluster.nodes().size() != 1) {
      throw new ParameterResolutionException("RingletNode parameter " + parameterContext.getParameter()
          + ": the cluster has " + cluster.nodes().size() + " nodes (expected: 1; inject RingletCluster and use node(i))");
    }
    return cluster.node(0);
  }

  private static Object session(ClassState state, ExtensionContext context, ParameterContext parameterContext) {
    ClassLoader loader = loader(context);
    if (state.settings().isolation() == Isolation.FRESH_KEYSPACE) {
      TestTicket ticket = context.getStore(NAMESPACE).get(TestTicket.class, TestTicket.class);
      if (ticket == null || context.getTestMethod().isEmpty()) {
        throw new ParameterResolutionException("CqlSession parameter " + parameterContext.getParameter()
            + " of " + parameterContext.getDeclaringExecutable() + ": with Isolation.FRESH_KEYSPACE each test has its"
            + " own keyspace (expected: a CqlSession parameter of a test method or a @BeforeEach/@AfterEach method)");
      }
      return ticket.freshSession(state.settings().session(), loader);
    }
    return state.resource().session(state.settings().keyspace(), state.settings().session(), loader);
  }

  private static String keyspaceInUse(ClassState state, ExtensionContext context) {
    TestTicket ticket = context.getStore(NAMESPACE).get(TestTicket.class, TestTicket.class);
    return ticket != null && !ticket.freshKeyspace().isEmpty() ? ticket.freshKeyspace() : state.settings().keyspace();
  }

  /** The state of the class the context belongs to: computed once per class and settings. */
  private ClassState state(ExtensionContext context) {
    SettingsReader.Declared declared = declared(context);
    ExtensionContext classContext = classContext(context);
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(
        new StateKey(declared.settings()), key -> startState(classContext, declared), ClassState.class);
  }

  private SettingsReader.Declared declared(ExtensionContext context) {
    if (programmatic != null) {
      return new SettingsReader.Declared(programmatic, outermostClass(context));
    }
    try {
      return SettingsReader.read(context.getRequiredTestClass());
    } catch (IllegalArgumentException e) {
      throw failure(context, e);
    }
  }

  private ClassState startState(ExtensionContext classContext, SettingsReader.Declared declared) {
    ClusterSettings settings = declared.settings();
    try {
      ClusterResource resource = settings.shared()
          ? classContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
              settings.clusterKey(), key -> ClusterResource.start(settings), ClusterResource.class)
          : ownerContext(classContext, declared.owner()).getStore(NAMESPACE).getOrComputeIfAbsent(
              new OwnClusterKey(settings.clusterKey()), key -> ClusterResource.start(settings), ClusterResource.class);
      var keyspaces = settings.isolation() == Isolation.FRESH_KEYSPACE
          ? java.util.Set.<String>of()
          : resource.ensureSchema(settings, loader(classContext));
      return new ClassState(settings, resource, keyspaces);
    } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
      throw failure(classContext, e);
    }
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** The innermost class context of the class that declared the settings; the cluster lives there. */
  private static ExtensionContext ownerContext(ExtensionContext classContext, Class<?> owner) {
    for (Optional<ExtensionContext> c = Optional.of(classContext); c.isPresent(); c = c.get().getParent()) {
      if (c.get().getTestClass().orElse(null) == owner) {
        return c.get();
      }
    }
    return classContext;
  }

  private static Class<?> outermostClass(ExtensionContext context) {
    Class<?> outermost = context.getRequiredTestClass();
    for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
      if (c.get().getTestClass().isPresent()) {
        outermost = c.get().getTestClass().get();
      }
    }
    return outermost;
  }

  private static ClassLoader loader(ExtensionContext context) {
    return context.getTestClass().map(Class::getClassLoader).orElse(RingletExtension.class.getClassLoader());
  }

  private static ExtensionConfigurationException failure(ExtensionContext context, RuntimeException e) {
    String where = context.getTestClass().map(Class::getName).orElse("?");
    return new ExtensionConfigurationException("Ringlet cluster for " + where + ": " + e.getMessage(), e);
  }

  private static ClusterSettings configured(java.util.function.Supplier<ClusterSettings> settings, String call) {
    try {
      return settings.get();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(call + ": " + e.getMessage(), e);
    }
  }

  private record StateKey(ClusterSettings settings) {}

  private record OwnClusterKey(ClusterSettings.ClusterKey cluster) {}
}
