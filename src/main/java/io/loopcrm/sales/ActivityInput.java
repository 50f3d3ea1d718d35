package io.loopcrm.sales;

import org.jboss.resteasy.reactive.RestForm;

/** The activity form's fields as posted, on the lead page and the deal page alike. */
public class ActivityInput {
  @RestForm public String kind;
  @RestForm public String subject;
  @RestForm public String notes;
  @RestForm public String due;
  @RestForm public String formKey;
}
