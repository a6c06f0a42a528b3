package dev.tugboat.api;

import io.netty.handler.codec.http.HttpResponseStatus;

/** The HTTP status of each reason the app refuses for: the one place they meet. */
final class RefusalStatus {

  private RefusalStatus() {}

  static HttpResponseStatus of(AppRefusal.Reason reason) {
    return switch (reason) {
      case INVALID -> HttpResponseStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
      case CONFLICT -> HttpResponseStatus.CONFLICT;
      case ENGINE_FAILED -> HttpResponseStatus.BAD_GATEWAY;
      case UNAVAILABLE -> HttpResponseStatus.SERVICE_UNAVAILABLE;
      case NO_SPACE -> HttpResponseStatus.INSUFFICIENT_STORAGE;
      case FAILED -> HttpResponseStatus.INTERNAL_SERVER_ERROR;
    };
  }
}
