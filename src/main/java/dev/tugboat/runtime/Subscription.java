package dev.tugboat.runtime;

/** An open stream; closing it stops delivery. Closing twice is harmless. */
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
