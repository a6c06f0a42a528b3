package dev.tugboat.api;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The API token check: {@code Authorization: Bearer TOKEN}. No header is 401 (who are you?), a
 * wrong token 403. The comparison takes the same time however much of the token matches.
 */
final class BearerAuth {

  private static final String PREFIX = "Bearer ";
  private final byte[] token;

  BearerAuth(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** The refusal, or empty when the request carries the token. */
  Optional<HttpResponseStatus> refusal(HttpRequest request) {
    String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Optional.of(HttpResponseStatus.UNAUTHORIZED);
    }
    byte[] given = header.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token) ? Optional.empty()
        : Optional.of(HttpResponseStatus.FORBIDDEN);
  }
}
