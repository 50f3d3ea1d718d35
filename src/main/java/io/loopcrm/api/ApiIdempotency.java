package io.loopcrm.api;

import io.loopcrm.common.XactLocks;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} of a POST: a retry with the same key and body gets the first answer
 * (the record as it is now, {@code Idempotent-Replayed: true}) and creates nothing; the same key
 * with another body is refused. Keys belong to the client that sent them. Both steps run in the
 * POST's transaction, the key locked until it commits.
 */
@ApplicationScoped
public class ApiIdempotency {
  @Inject EntityManager em;
  @Inject SecurityIdentity identity;

  /** What a key first made: its answer's status and the record's id. */
  public record Earlier(int status, long id) {}

  /** The key as sent, trimmed; null when none; a 422 problem when it is too long. */
  static String key(String header) {
    String key = header == null || header.isBlank() ? null : header.trim();
    if (key != null && key.length() > 100) {
      throw new ApiProblem(
          422, "Invalid Idempotency-Key", "Keep it under 100 characters.", Map.of());
    }
    return key;
  }

  /** The client the keys belong to: two integrations may use the same key. */
  String client() {
    return identity.getPrincipal().getName();
  }

  /**
   * Locks the key and answers what it made before, if anything; {@code body} is a digest of what
   * was sent ({@link #digest}). The same key with another body: a 422 problem.
   */
  Optional<Earlier> earlier(String client, String key, String kind, String body) {
    XactLocks.take(em, "idem:" + client + "\n" + key);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select coalesce(lead_id, record_id), status, body_hash, kind from api_idempotency"
                    + " where client = ?1 and key = ?2")
            .setParameter(1, client)
            .setParameter(2, key)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    if (!kind.equals(r[3]) || (r[2] != null && !body.equals(r[2]))) {
      throw reused();
    }
    return Optional.of(new Earlier(((Number) r[1]).intValue(), ((Number) r[0]).longValue()));
  }

  /** Keeps what the key made, in the transaction that made it. */
  void remember(String client, String key, String kind, String body, int status, long id) {
    em.createNativeQuery(
            "insert into api_idempotency (client, key, kind, lead_id, record_id, status, body_hash)"
                + " values (?1, ?2, ?3, case when ?3 = 'lead' then ?4 end,"
                + " case when ?3 <> 'lead' then ?4 end, ?5, ?6)")
        .setParameter(1, client)
        .setParameter(2, key)
        .setParameter(3, kind)
        .setParameter(4, id)
        .setParameter(5, status)
        .setParameter(6, body)
        .executeUpdate();
  }

  /**
   * A POST that makes one record of {@code kind}: with a key seen before, the first answer again
   * (the record as it is now) and nothing made; else {@code make} makes it (a problem it throws
   * rolls the transaction back) and the key is kept with it. 201 with the record's address, {@code
   * location} of its id.
   */
  jakarta.ws.rs.core.Response create(
      String kind,
      java.util.function.LongFunction<String> location,
      String keyHeader,
      String body,
      java.util.function.LongSupplier make,
      java.util.function.LongFunction<Object> view) {
    String key = key(keyHeader);
    String client = client();
    String digest = digest(body == null ? "" : body);
    if (key != null) {
      Optional<Earlier> e = earlier(client, key, kind, digest);
      if (e.isPresent()) {
        return jakarta.ws.rs.core.Response.status(e.get().status())
            .location(java.net.URI.create(location.apply(e.get().id())))
            .header("Idempotent-Replayed", "true")
            .entity(view.apply(e.get().id()))
            .build();
      }
    }
    long id = make.getAsLong();
    if (key != null) {
      remember(client, key, kind, digest, 201, id);
    }
    return jakarta.ws.rs.core.Response.status(201)
        .location(java.net.URI.create(location.apply(id)))
        .entity(view.apply(id))
        .build();
  }

  static ApiProblem reused() {
    return new ApiProblem(
        422,
        "Idempotency-Key reused",
        "This key was first sent with another request; use a new key for a new record.",
        Map.of());
  }

  /** A digest of what a request was sent with, to tell a retry from another request. */
  static String digest(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
