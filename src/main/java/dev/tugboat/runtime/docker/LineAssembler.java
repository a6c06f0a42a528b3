package dev.tugboat.runtime.docker;

import dev.tugboat.runtime.LogLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Joins the engine's log frames into lines. A frame is a write of the process, not a line: one line
 * can span frames and one frame can hold many lines. Stdout and stderr are assembled separately.
 */
final class LineAssembler {
  private final Consumer<LogLine> sink;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  LineAssembler(Consumer<LogLine> sink) {
    this.sink = sink;
  }

  void accept(LogLine.Source source, byte[] payload) {
    ByteArrayOutputStream buffer = source == LogLine.Source.STDERR ? stderr : stdout;
    for (byte b : payload) {
      if (b == '\n') {
        emit(source, buffer);
      } else {
        buffer.write(b);
      }
    }
  }

  /** Emits what remains without a final line end. */
  void flush() {
    if (stdout.size() > 0) {
      emit(LogLine.Source.STDOUT, stdout);
    }
    if (stderr.size() > 0) {
      emit(LogLine.Source.STDERR, stderr);
    }
  }

  private void emit(LogLine.Source source, ByteArrayOutputStream buffer) {
    String text = buffer.toString(StandardCharsets.UTF_8);
    buffer.reset();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    sink.accept(new LogLine(source, text));
  }
}
