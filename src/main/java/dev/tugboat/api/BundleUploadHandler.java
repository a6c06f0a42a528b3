package dev.tugboat.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /api/v1/bundle}: streams the body (a bundle of gigabytes) into a file beside the
 * state directory as it arrives, never gathering it in memory, then hands the file to the app and
 * answers when it is done; the file is removed afterwards, and when the client goes away first.
 * Sits before the aggregator, after {@link RequestGate} (token and size limit decided from the
 * head). The body must declare its length: the disk's room is checked before a byte is taken.
 * Writes run on the connection's thread: they go to the page cache, a chunk in microseconds.
 * Query: {@code name}, the file name the client read (how problems name it); {@code
 * dry_run=true} verifies and shows the diff only; {@code load_only=true} loads the images and
 * applies nothing.
 */
final class BundleUploadHandler extends ChannelInboundHandlerAdapter {

  static final String PATH = ApiHandler.API + "bundle";
  /** Room left on the disk beyond the bundle: the daemon's journal and state need some too. */
  static final long RESERVE_BYTES = 256L * 1024 * 1024;
  private static final String ROUTE = "/api/v1/bundle";

  private final ApiContext context;
  private Upload upload;
  private boolean discarding;
  // the uploaded bundle is being verified and loaded: minutes without a byte on the connection
  private boolean answering;
  // the daemon's one upload at a time, held by this connection from its head to its answer
  private BundleUploads claimed;

  /** One upload under way: its file, where it is written, and what was asked. */
  private record Upload(Path file, FileChannel channel, String name, boolean keepAlive,
      boolean dryRun, boolean loadOnly) {}

  BundleUploadHandler(ApiContext context) {
    this.context = context;
  }

  static boolean isUpload(HttpRequest request) {
    return request.method().equals(HttpMethod.POST)
        && new QueryStringDecoder(request.uri()).rawPath().equals(PATH);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      discarding = false;
      if (request.decoderResult().isSuccess() && isUpload(request)) {
        begin(ctx, request);
        if (msg instanceof HttpContent content) {
          body(ctx, content); // releases it
        } else {
          ReferenceCountUtil.release(msg);
        }
        return;
      }
    } else if (msg instanceof HttpContent content && (upload != null || discarding)) {
      body(ctx, content);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  private void begin(ChannelHandlerContext ctx, HttpRequest request) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    try {
      // RequestGate refused a wrong token from the head; checked again, as ApiHandler does.
      var tokenRefusal = context.auth().refusal(request);
      if (tokenRefusal.isPresent()) {
        discarding = true;
        context.metrics().count(ROUTE, tokenRefusal.get().code());
        Responses.send(ctx, RequestGate.tokenRefusal(tokenRefusal.get()), false);
        return;
      }
      BundleUploads bundles = context.service().bundles().orElseThrow(() -> new ApiException(
          404, "this daemon takes no bundles"));
      long length = HttpUtil.getContentLength(request, -1L);
      if (length <= 0) {
        throw new ApiException(411, "send the bundle as the request body with its"
            + " Content-Length (tugboat apply --bundle FILE does), so the disk's room can be"
            + " checked first");
      }
      // Two uploads at once would each find the room the other is about to fill.
      if (!bundles.claim()) {
        throw new ApiException(409, "another bundle is being uploaded or installed: wait until"
            + " it is done, then upload this one again");
      }
      claimed = bundles;
      Path directory = bundles.directory();
      Files.createDirectories(directory);
      long usable = Files.getFileStore(directory).getUsableSpace();
      if (usable < length + RESERVE_BYTES) {
        throw new ApiException(507, "the bundle (" + length + " bytes) does not fit on the disk"
            + " of " + directory + " (" + usable + " bytes free, and " + RESERVE_BYTES
            + " must stay free): free some space and upload it again");
      }
      Path file = Files.createTempFile(directory, "upload-", ".tar");
      upload = new Upload(file, FileChannel.open(file, StandardOpenOption.WRITE),
          Query.textParam(uri, "name", "<uploaded bundle>", 255), keepAlive,
          Query.booleanParam(uri, "dry_run", false), Query.booleanParam(uri, "load_only", false));
    } catch (ApiException refused) {
      release();
      refuse(ctx, refused.status(), refused.getMessage());
    } catch (IOException e) {
      release();
      refuse(ctx, 507, "cannot store the upload in the state directory: " + e);
    }
  }

  /** Frees the daemon's one upload, when this connection holds it. */
  private void release() {
    if (claimed != null) {
      claimed.release();
      claimed = null;
    }
  }

  private void body(ChannelHandlerContext ctx, HttpContent content) {
    try {
      if (upload == null) {
        return;
      }
      try {
        var bytes = content.content();
        while (bytes.isReadable()) {
          bytes.readBytes(upload.channel(), bytes.readableBytes());
        }
      } catch (IOException e) {
        Path file = abandon();
        refuse(ctx, 507, "cannot store the upload in " + file.getParent() + ": " + e.getMessage()
            + "; nothing was loaded");
        return;
      }
      if (content instanceof LastHttpContent) {
        finish(ctx);
      }
    } finally {
      ReferenceCountUtil.release(content);
    }
  }

  private void finish(ChannelHandlerContext ctx) {
    Upload done = upload;
    upload = null;
    try {
      done.channel().close();
    } catch (IOException e) {
      remove(done.file());
      release();
      refuse(ctx, 507, "cannot store the upload: " + e.getMessage());
      return;
    }
    BundleUploads bundles = claimed;
    claimed = null;
    CompletableFuture<BundleResult> result;
    try {
      result = bundles.install(done.file(), done.name(), done.dryRun(), done.loadOnly());
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    answering = true;
    result.whenComplete((value, failure) -> {
      remove(done.file());
      bundles.release();
      ctx.executor().execute(() -> answering = false);
    });
    AsyncReply.json(ctx, context, ROUTE, result, done.keepAlive());
  }

  /** Answers a refusal and drops the rest of the body; the connection closes after it. */
  private void refuse(ChannelHandlerContext ctx, int status, String message) {
    discarding = true;
    context.metrics().count(ROUTE, status);
    Responses.send(ctx, Responses.error(HttpResponseStatus.valueOf(status), message), false);
  }

  private Path abandon() {
    Upload left = upload;
    upload = null;
    release();
    try {
      left.channel().close();
    } catch (IOException ignored) {
      // removed below either way
    }
    remove(left.file());
    return left.file();
  }

  private static void remove(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a file left under a temporary name is removed at the next start (BundleDesk)
    }
  }

  /**
   * A connection idle for the idle timeout is closed (ApiHandler), but one whose bundle is being
   * verified and loaded is waiting for its answer, not idle: closing it would lose the verdict.
   * An upload whose body stops arriving is abandoned: its partial file removed, the daemon's one
   * upload freed for the next.
   */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      if (answering) {
        return;
      }
      if (upload != null) {
        abandon();
        ctx.close();
        return;
      }
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (upload != null) {
      abandon();
    }
    super.channelInactive(ctx);
  }
}
