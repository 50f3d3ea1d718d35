package io.loopcrm.common;

/**
 * A record that does not exist, or that the person asking may not see: the pages answer 404 for
 * both, so a record of another team cannot be told from a missing one.
 */
public class NotFound extends RuntimeException {
  public NotFound() {
    super("not found", null, false, false);
  }
}
