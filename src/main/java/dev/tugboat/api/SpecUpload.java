package dev.tugboat.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * {@code PUT /api/v1/spec}: the body is the spec's YAML; {@code name} (the file name the client
 * read it from) is how its problems are reported, {@code <request body>} when not given;
 * {@code dry_run=true} only reports. The body's size is limited as every request's is.
 */
record SpecUpload(String name, byte[] yaml, boolean dryRun) {

  static final String UNNAMED = "<request body>";
  private static final int MAX_NAME = 255;

  static SpecUpload of(FullHttpRequest request, QueryStringDecoder uri) {
    if (request.content().readableBytes() == 0) {
      throw new ApiException(400, "send the spec's YAML as the request body"
          + " (tugboat apply FILE does)");
    }
    return new SpecUpload(Query.textParam(uri, "name", UNNAMED, MAX_NAME),
        ByteBufUtil.getBytes(request.content()), Query.booleanParam(uri, "dry_run", false));
  }
}
