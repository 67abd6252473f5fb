package org.cxrsearch.onnx.hub;

import org.cxrsearch.onnx.bundle.ModelLoadException;

/**
 * A model that cannot be fetched from the hub or the cache: unknown repository or revision, no
 * access, a network failure, a download that does not match the hub's size or digest, or offline
 * mode without a cached copy. The message says which and what to do.
 */
public class HubException extends ModelLoadException {

  public HubException(String message) {
    super(message);
  }

  public HubException(String message, Throwable cause) {
    super(message, cause);
  }
}
