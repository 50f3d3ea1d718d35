package io.loopcrm.audit;

import java.util.List;
import java.util.Map;

/**
 * One audited record's change in a transaction, as the audit trail records it: the entity itself
 * (its state as it is committed), its type ({@code lead}, {@code deal} …), id, action ({@code
 * create}, {@code update}, {@code delete}) and the fields that changed, each with {@code field},
 * {@code old} and {@code new}.
 */
public record Change(
    Object entity, String type, long id, String action, List<Map<String, Object>> fields) {

  /** Whether {@code field} is among the changed ones. */
  public boolean changed(String field) {
    return fields.stream().anyMatch(f -> field.equals(f.get("field")));
  }

  /** The value {@code field} had before the change, or null. */
  public Object old(String field) {
    // not a stream: a field that was null before has a null old value
    for (Map<String, Object> f : fields) {
      if (field.equals(f.get("field"))) {
        return f.get("old");
      }
    }
    return null;
  }
}
