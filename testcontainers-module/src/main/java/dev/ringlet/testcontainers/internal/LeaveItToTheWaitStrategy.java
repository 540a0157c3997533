package dev.ringlet.testcontainers.internal;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;

/**
 * A start-up check that passes at once, so a node that exits early is reported by
 * {@link CqlReadyWaitStrategy} together with its output (the node's own reason, such as a refused
 * option), instead of Testcontainers' bare "Container did not start correctly".
 */
public final class LeaveItToTheWaitStrategy extends StartupCheckStrategy {

  @Override
  public StartupStatus checkStartupState(DockerClient dockerClient, String containerId) {
    return StartupStatus.SUCCESSFUL;
  }
}
