package org.cxrsearch.cli;

import java.io.UncheckedIOException;
import org.cxrsearch.onnx.bundle.ModelLoadException;
import picocli.CommandLine;

/**
 * Reports failures of a sub-command on stderr: one line {@code cxrsearch: <what went wrong>} for
 * errors a user can fix (bad input, bad model, bad option value, I/O), a stack trace for anything
 * else, since that is a bug. Exit code {@value #EXIT_FAILURE}; picocli uses 2 for usage errors.
 */
public final class CliErrorHandler implements CommandLine.IExecutionExceptionHandler {

  public static final int EXIT_FAILURE = 1;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    var err = cmd.getErr();
    if (ex instanceof InputException || ex instanceof ModelLoadException || ex instanceof IllegalArgumentException
        || ex instanceof UncheckedIOException || ex instanceof java.io.IOException) {
      err.println("cxrsearch " + cmd.getCommandName() + ": " + ex.getMessage());
    } else {
      err.println("cxrsearch " + cmd.getCommandName() + ": internal error");
      ex.printStackTrace(err);
    }
    err.flush();
    return EXIT_FAILURE;
  }
}
