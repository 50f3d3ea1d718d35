package io.loopcrm.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem details for the API's own errors. */
public class ApiErrors {
  @ServerExceptionMapper
  public Response problem(ApiProblem p) {
    return p.toResponse();
  }
}
