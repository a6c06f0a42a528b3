package dev.tugboat.config;

import java.util.List;

/** {@code echo ARGS...}: returns its arguments, so {@code value_at} picks one (handy for fixed lists). */
final class EchoGenerator implements Generator {
  @Override
  public List<String> generate(List<String> args) {
    return List.copyOf(args);
  }
}
