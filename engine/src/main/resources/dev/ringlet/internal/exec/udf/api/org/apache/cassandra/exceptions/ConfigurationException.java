package org.apache.cassandra.exceptions;

/** 5.0's ConfigurationException. */
public class ConfigurationException extends RequestValidationException {
  private static final long serialVersionUID = 1L;

  public final boolean logStackTrace;

  public ConfigurationException(String msg) {
    super(ExceptionCode.CONFIG_ERROR, msg);
    logStackTrace = true;
  }

  public ConfigurationException(String msg, boolean logStackTrace) {
    super(ExceptionCode.CONFIG_ERROR, msg);
    this.logStackTrace = logStackTrace;
  }

  public ConfigurationException(String msg, Throwable e) {
    super(ExceptionCode.CONFIG_ERROR, msg, e);
    logStackTrace = true;
  }

  protected ConfigurationException(ExceptionCode code, String msg) {
    super(code, msg);
    logStackTrace = true;
  }
}
