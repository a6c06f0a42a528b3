package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.tugboat.runtime.ContainerFile;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one regular file out of a container through the engine's archive endpoint ({@code GET
 * /containers/{id}/archive}, what {@code docker cp} uses): it needs no tool in the image and works
 * on a stopped container too. The engine answers with a tar of the path; its first entry is the
 * file, read up to a limit.
 */
final class ContainerFileCopy {

  private final DockerClient client;
  private final DockerCalls calls;
  private final DockerFailures failures;

  ContainerFileCopy(DockerClient client, DockerCalls calls, DockerFailures failures) {
    this.client = client;
    this.calls = calls;
    this.failures = failures;
  }

  ContainerFile read(ContainerId id, String path, int maxBytes) {
    String action = "copy " + path + " out of container " + id;
    try {
      return calls.ask(action, () -> {
        try (InputStream archive = client.copyArchiveFromContainerCmd(id.value(), path).exec()) {
          return first(archive, path, maxBytes);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (NotFoundException e) {
      // the engine says which is missing: "Could not find the file ... in container ..." or
      // "No such container"
      throw RuntimeFailure.engineError(action, DockerFailures.engineMessage(e), e);
    } catch (RuntimeFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    }
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
