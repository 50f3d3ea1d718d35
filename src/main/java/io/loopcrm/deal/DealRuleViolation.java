package io.loopcrm.deal;

/** A move or edit the deal's rules refuse, with the field it concerns and a message key. */
public class DealRuleViolation extends RuntimeException {
  public final String field;
  public final String messageKey;

  public DealRuleViolation(String field, String messageKey) {
    super(messageKey);
    this.field = field;
    this.messageKey = messageKey;
  }
}
