package dev.tugboat.runtime.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.tugboat.runtime.ContainerFile;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one regular file out of a container through the engine's archive endpoint ({@code GET
 * /containers/{id}/archive}, what {@code docker cp} uses): it needs no tool in the image and works
 * on a stopped container too. The engine answers with a tar of the path; its first entry is the
 * file, read up to a limit. The request goes over the client's transport, not docker-java's
 * command, so that closing the answer aborts it: closing the body stream would read a large
 * file's rest to the end (to keep the connection), gigabytes of a log nobody asked for.
 */
final class ContainerFileCopy {

  private static final int MAX_ERROR_BYTES = 64 * 1024;

  private final DockerHttpClient http;
  private final DockerCalls calls;
  private final DockerFailures failures;

  ContainerFileCopy(DockerHttpClient http, DockerCalls calls, DockerFailures failures) {
    this.http = http;
    this.calls = calls;
    this.failures = failures;
  }

  ContainerFile read(ContainerId id, String path, int maxBytes) {
    String action = "copy " + path + " out of container " + id;
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET)
        .path("/containers/" + URLEncoder.encode(id.value(), StandardCharsets.UTF_8)
            + "/archive?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
        .build();
    try {
      return calls.ask(action, () -> {
        // the answer, not its body, is closed: that aborts the request, unread rest and all
        try (DockerHttpClient.Response answer = http.execute(request)) {
          InputStream body = answer.getBody();
          if (answer.getStatusCode() != 200) {
            // 404 says which is missing: "Could not find the file ..." or "No such container"
            throw RuntimeFailure.engineError(action, (answer.getStatusCode() == 404 ? ""
                : "HTTP " + answer.getStatusCode() + ": ") + message(body), null);
          }
          return first(body, path, maxBytes);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (RuntimeFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    }
  }

  /** The engine's error message, from its JSON; the text as it came when it is not JSON. */
  private static String message(InputStream body) throws IOException {
    return DockerFailures.engineMessage(
        new String(body.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8));
  }

  static ContainerFile first(InputStream archive, String path, int maxBytes) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(archive);
    TarArchiveEntry entry = tar.getNextEntry();
    if (entry == null) {
      throw RuntimeFailure.engineError("copy " + path, "the engine sent an empty archive", null);
    }
    if (entry.isDirectory()) {
      throw RuntimeFailure.engineError("copy " + path, path + " is a directory; name the files"
          + " in it, one support file each", null);
    }
    if (entry.isSymbolicLink() || !entry.isFile()) {
      throw RuntimeFailure.engineError("copy " + path, path + " is not a regular file"
          + (entry.isSymbolicLink() ? " but a link to " + entry.getLinkName() + "; name that"
          : ""), null);
    }
    byte[] content = tar.readNBytes((int) Math.min(maxBytes, entry.getSize()));
    return new ContainerFile(path, content, entry.getSize());
  }
}
