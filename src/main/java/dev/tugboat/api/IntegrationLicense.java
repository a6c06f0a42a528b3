package dev.tugboat.api;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Integration API's license calls, in the shapes of Replicated's License API: {@code GET
 * /license/v1/license} ({@code license_id}, {@code assignee}, {@code release_channel}, {@code
 * license_type}, {@code fields} as {@code [{field, title, type, value, hide_from_customer}]},
 * {@code expiration_time} when the license expires) and {@code GET /license/v1/field/NAME}
 * ({@code {field, title, type, value}}). An {@code Integer} field's value is a JSON number, a
 * {@code Boolean} one a JSON boolean, as Replicated sent them. No license, or no such field: 404
 * that says so.
 */
final class IntegrationLicense {

  static final String LICENSE = "/license/v1/license";
  static final String FIELD = "/license/v1/field/";

  private IntegrationLicense() {}

  static boolean serves(String path) {
    return path.equals(LICENSE) || path.startsWith(FIELD);
  }

  static FullHttpResponse answer(LicenseService licenses, String rawPath) {
    LicenseView view = licenses.current();
    if (!view.installed()) {
      return Responses.error(HttpResponseStatus.NOT_FOUND, "no license is installed on this host"
          + (view.error() == null || view.error().isEmpty() ? "" : ": " + view.error()));
    }
    if (rawPath.equals(LICENSE)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("license_id", view.licenseId());
      body.put("app_id", view.appId());
      body.put("assignee", view.assignee());
      body.put("release_channel", view.channel());
      body.put("license_type", view.licenseType());
      List<Map<String, Object>> fields = new ArrayList<>();
      view.fields().forEach(field -> fields.add(field(field, true)));
      body.put("fields", fields);
      if (view.expiresAt() != null) {
        body.put("expiration_time", view.expiresAt().toString());
      }
      return ok(body);
    }
    String name = QueryStringDecoder.decodeComponent(rawPath.substring(FIELD.length()));
    Optional<LicenseView.Field> field = view.fields().stream()
        .filter(f -> f.name().equals(name)).findFirst();
    if (field.isEmpty()) {
      return Responses.error(HttpResponseStatus.NOT_FOUND, "the license has no field '" + name
          + "'");
    }
    return ok(field(field.get(), false));
  }

  private static Map<String, Object> field(LicenseView.Field field, boolean listed) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("field", field.name());
    shown.put("title", field.name());
    shown.put("type", field.type());
    shown.put("value", typed(field));
    if (listed) {
      shown.put("hide_from_customer", false);
    }
    return shown;
  }

  private static Object typed(LicenseView.Field field) {
    try {
      return switch (field.type()) {
        case "Integer" -> new java.math.BigInteger(field.value());
        case "Float" -> Double.parseDouble(field.value());
        case "Boolean" -> Boolean.parseBoolean(field.value());
        default -> field.value();
      };
    } catch (NumberFormatException e) {
      return field.value();
    }
  }

  private static FullHttpResponse ok(Object body) {
    return Responses.bytes(HttpResponseStatus.OK, Responses.JSON, Responses.json(body));
  }
}
