package org.cxrsearch.cli;

/** Bad user input, named by source and line: reported on stderr without a stack trace. */
public class InputException extends RuntimeException {

  public InputException(String message) {
    super(message);
  }

  public InputException(String source, long line, String message) {
    super(source + ":" + line + ": " + message);
  }
}
