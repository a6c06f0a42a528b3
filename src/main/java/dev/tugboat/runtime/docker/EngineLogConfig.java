package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.github.dockerjava.api.model.LogConfig;
import dev.tugboat.runtime.ContainerLogging;
import java.io.IOException;
import java.util.Map;

/**
 * A HostConfig's {@code LogConfig} that names its driver as written. docker-java names drivers by
 * an enum that lacks some the engine has built in ({@code logentries}) and every plugin's
 * ({@code grafana/loki-docker-driver:2.9}); the engine itself takes any name and answers for it.
 */
@JsonSerialize(using = EngineLogConfig.Writer.class)
final class EngineLogConfig extends LogConfig {
  private static final long serialVersionUID = 1L;

  private final String driver;

  EngineLogConfig(ContainerLogging logging) {
    super(LoggingType.fromValue(logging.driver()),
        logging.options().isEmpty() ? null : Map.copyOf(logging.options()));
    this.driver = logging.driver();
  }

  String driver() {
    return driver;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EngineLogConfig other && driver.equals(other.driver) && super.equals(o);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + driver.hashCode();
  }

  static final class Writer extends StdSerializer<EngineLogConfig> {
    private static final long serialVersionUID = 1L;

    Writer() {
      super(EngineLogConfig.class);
    }

    @Override
    public void serialize(EngineLogConfig value, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeStartObject();
      json.writeStringField("Type", value.driver);
      if (value.getConfig() != null) {
        json.writeObjectFieldStart("Config");
        for (Map.Entry<String, String> option : value.getConfig().entrySet()) {
          json.writeStringField(option.getKey(), option.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    }
  }
}
