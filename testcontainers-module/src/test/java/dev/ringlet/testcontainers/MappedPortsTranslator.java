package dev.ringlet.testcontainers;

import com.datastax.oss.driver.api.core.addresstranslation.AddressTranslator;
import com.datastax.oss.driver.api.core.config.DriverOption;
import com.datastax.oss.driver.api.core.context.DriverContext;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A driver-side address translator for containers: the nodes advertise their addresses on the
 * container network, the driver reaches them through mapped host ports. The mapping comes from
 * {@link RingletClusterContainers#getAddressTranslation()} through the session's configuration
 * (option {@link #MAPPING}), so no state is shared between sessions. Addresses it does not know are
 * an error: a driver would otherwise quietly talk to container addresses directly.
 */
public final class MappedPortsTranslator implements AddressTranslator {

  /** {@code ip:port=host:port} entries. */
  static final DriverOption MAPPING = () -> "test.mapped-ports-translator.mapping";

  private final Map<InetSocketAddress, InetSocketAddress> mapping = new HashMap<>();

  /** Called by the driver (option {@code advanced.address-translator.class}). */
  public MappedPortsTranslator(DriverContext context) {
    for (String entry : context.getConfig().getDefaultProfile().getStringList(MAPPING)) {
      String[] fromTo = entry.split("=");
      mapping.put(address(fromTo[0]), address(fromTo[1]));
    }
  }

  static List<String> entries(Map<InetSocketAddress, InetSocketAddress> translation) {
    List<String> entries = new ArrayList<>();
    translation.forEach((from, to) -> entries.add(from.getAddress().getHostAddress() + ":" + from.getPort() + "="
        + to.getHostString() + ":" + to.getPort()));
    return entries;
  }

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  @Override
  public InetSocketAddress translate(InetSocketAddress address) {
    InetSocketAddress translated = mapping.get(address);
    if (translated == null) {
      throw new IllegalArgumentException("no mapped port for " + address + " (known: " + mapping.keySet() + ")");
    }
    return translated;
  }

  @Override
  public void close() {}
}
