package io.loopcrm.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.Base64;

/** A form post the way a browser sends it: the CSRF cookie and the same token as a form field. */
public final class Csrf {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {}

  public static RequestSpecification form() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return RestAssured.given()
        .redirects()
        .follow(false)
        .cookie("csrf-token", token)
        .formParam("csrf-token", token);
  }
}
