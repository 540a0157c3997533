package dev.ringlet.testcontainers;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/** What the container tests need from the machine: a container engine and the image the build made. */
final class ContainerEngine {

  private ContainerEngine() {}

  /** The image under test; the build passes the tag it just built. */
  static DockerImageName image() {
    return DockerImageName.parse(System.getProperty("ringlet.image", "ringlet:0.1.0-SNAPSHOT"));
  }

  /** Fails (never skips) with what to do when no container engine answers. */
  static void require() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new AssertionError("No container engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + "). "
          + "Set up rootful podman as CI does: `bash .ci/podman-testcontainers.sh setup` then "
          + "`eval \"$(bash .ci/podman-testcontainers.sh env)\"`; or build without the container tests: "
          + "./mvnw verify -Dringlet.containers.skip=true");
    }
  }
}
