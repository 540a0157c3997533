package dev.ringlet.testcontainers.internal;

import java.io.IOException;

/** The probe's peer answered something a CQL node would not. */
public class CqlProbeException extends IOException {

  private static final long serialVersionUID = 1L;

  public CqlProbeException(String message) {
    super(message);
  }
}
