package io.loopcrm.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Renders every template of a web request in that request's language. */
@ApplicationScoped
public class LocaleInitializer implements TemplateInstance.Initializer {
  @Inject RequestLocale requestLocale;

  @Override
  public void accept(TemplateInstance instance) {
    if (Arc.container().requestContext().isActive()) {
      instance.setLocale(requestLocale.get());
    }
  }
}
