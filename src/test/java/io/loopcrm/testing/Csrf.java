package io.loopcrm.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.Base64;

/** A form post the way a browser sends it: the CSRF cookie and the same token as a form field. */
public final class Csrf {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {}

  /** A fresh token in the shape the CSRF filter issues. */
  public static String token() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static RequestSpecification form() {
    String token = token();
    return RestAssured.given()
        .redirects()
        .follow(false)
        .cookie("csrf-token", token)
        .formParam("csrf-token", token);
  }
}
