package dev.tugboat.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/nodes} (the swarm's nodes, their tags and the apps' tasks on each) and {@code
 * POST /api/v1/nodes/NODE/tags} with {@code {"add": [...], "remove": [...]}} (answers the node as
 * it is then).
 */
final class NodeRoutes {

  private NodeRoutes() {}

  static void handle(ChannelHandlerContext ctx, ApiContext context, FullHttpRequest request,
      String[] parts, boolean keepAlive) {
    if (parts.length == 1) {
      ApiRoutes.requireMethod(request.method(), HttpMethod.GET);
      AsyncReply.json(ctx, context, "/api/v1/nodes", context.nodes().nodes(), keepAlive);
      return;
    }
    if (parts.length != 3 || parts[1].isEmpty() || !parts[2].equals("tags")) {
      throw ApiRoutes.notFound("/api/v1/" + String.join("/", parts));
    }
    ApiRoutes.requireMethod(request.method(), HttpMethod.POST);
    JsonNode body = RequestBodies.json(request);
    List<String> add = tags(body, "add");
    List<String> remove = tags(body, "remove");
    if (add.isEmpty() && remove.isEmpty()) {
      throw new ApiException(400, "give the tags to change as {\"add\": [\"TAG\"], \"remove\":"
          + " [\"TAG\"]}");
    }
    AsyncReply.json(ctx, context, "/api/v1/nodes/tags",
        context.nodes().changeTags(parts[1], add, remove), keepAlive);
  }

  private static List<String> tags(JsonNode body, String field) {
    JsonNode list = body.get(field);
    List<String> found = new ArrayList<>();
    if (list == null || list.isNull()) {
      return found;
    }
    if (!list.isArray()) {
      throw new ApiException(400, "\"" + field + "\" must be a list of tags");
    }
    for (JsonNode tag : list) {
      if (!tag.isTextual()) {
        throw new ApiException(400, "\"" + field + "\" must be a list of strings, not " + tag);
      }
      found.add(tag.asText());
    }
    return found;
  }
}
