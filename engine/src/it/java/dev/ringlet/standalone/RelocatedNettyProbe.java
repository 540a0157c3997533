package dev.ringlet.standalone;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;

/**
 * Run by {@link RelocatedNettyIT} in a JVM of its own, with the published (shaded) engine on the
 * class path: one {@code Ringlet.start()}, then a warning of the relocated Netty's logger.
 */
public final class RelocatedNettyProbe {

  /** Loaded once the start has returned: its line in {@code -Xlog:class+load} marks "ready". */
  static final class Ready {
    private Ready() {}
  }

  private RelocatedNettyProbe() {}

  public static void main(String[] args) throws Exception {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults())) {
      Class.forName(Ready.class.getName());
      System.out.println("PROBE ready");
      // a warning of the relocated Netty, as any of its classes logs one
      Class<?> factory = Class.forName("dev.ringlet.shaded.io.netty.util.internal.logging.InternalLoggerFactory");
      Object logger = factory.getMethod("getInstance", String.class).invoke(null, "dev.ringlet.shaded.io.netty.Probe");
      Class<?> loggerType = Class.forName("dev.ringlet.shaded.io.netty.util.internal.logging.InternalLogger");
      loggerType.getMethod("warn", String.class, Object.class).invoke(logger, "probe warning {}", 42);
      System.out.println("PROBE done");
    }
  }
}
