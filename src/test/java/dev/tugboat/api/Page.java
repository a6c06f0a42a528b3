package dev.tugboat.api;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One browser tab as a user meets it: open a URL, click what is visible, type, wait for text, take a
 * screenshot. Clicks and typing go through the browser's input events, not through scripts.
 */
final class Page implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DevTools devTools;

  Page(DevTools devTools) {
    this.devTools = devTools;
  }

  /** Loads {@code url} and waits for the document to be complete. */
  void open(String url) throws Exception {
    // Chromium fails the loads it is setting up while an address of the host comes or goes.
    TentativeAddresses.awaitNone(Duration.ofSeconds(30));
    devTools.send("Page.navigate", Map.of("url", "about:blank"));
    devTools.send("Page.navigate", Map.of("url", url));
    waitUntil("the page " + url + " loaded",
        "location.protocol !== 'about:' && document.readyState === 'complete'", Duration.ofSeconds(20));
  }

  /**
   * Waits until the signed-in dashboard's first reads have all answered (its {@code data-loaded}):
   * until then panels appear and grow, and a click by position may land on what moved there.
   */
  void awaitDashboardLoaded(Duration timeout) throws Exception {
    waitUntil("the dashboard's first reads", "document.getElementById('dashboard').dataset.loaded"
        + " === 'true'", timeout);
  }

  /** Leaves the page for a blank one, so its timers and streams stop asking its daemon. */
  void blank() throws Exception {
    devTools.send("Page.navigate", Map.of("url", "about:blank"));
    waitUntil("the blank page", "location.protocol === 'about:'", Duration.ofSeconds(20));
  }

  void viewport(int width, int height) throws Exception {
    devTools.send("Emulation.setDeviceMetricsOverride", Map.of(
        "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  /** The value of a JavaScript expression (promises awaited); a thrown error fails the test. */
  JsonNode eval(String expression) throws Exception {
    JsonNode result = devTools.send("Runtime.evaluate", Map.of(
        "expression", expression, "returnByValue", true, "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError("script failed: " + expression + "\n" + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** The text of the first element matching {@code selector}, or null when there is none. */
  String text(String selector) throws Exception {
    JsonNode text = eval("(() => { const e = document.querySelector(" + quote(selector)
        + "); return e ? e.textContent : null; })()");
    return text.isNull() || text.isMissingNode() ? null : text.asText();
  }

  /** Everything the page shows, as its visible text. */
  String visibleText() throws Exception {
    return eval("document.body.innerText").asText();
  }

  boolean visible(String selector) throws Exception {
    return eval("(() => { const e = document.querySelector(" + quote(selector)
        + "); return !!e && e.getClientRects().length > 0; })()").asBoolean();
  }

  /** Waits until the expression is true; on timeout fails with what the page showed. */
  void waitUntil(String what, String condition, Duration timeout) throws Exception {
    try {
      await(what).atMost(timeout).pollInterval(Duration.ofMillis(200))
          .until(() -> eval("!!(" + condition + ")").asBoolean());
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what
          + "; the page showed:\n" + eval("document.body ? document.body.innerText : ''").asText()
          + "\npage errors: " + devTools.pageErrors(), e);
    }
  }

  void waitForText(String selector, String expected, Duration timeout) throws Exception {
    waitUntil(selector + " shows \"" + expected + "\"", "(document.querySelector(" + quote(selector)
        + ") || {textContent: ''}).textContent.includes(" + quote(expected) + ")", timeout);
  }

  /** Clicks the middle of a visible, enabled element with the mouse, as a user would. */
  void click(String selector) throws Exception {
    JsonNode box = eval("(() => { const e = document.querySelector(" + quote(selector) + ");"
        + " if (!e || e.disabled || e.getClientRects().length === 0) return null;"
        + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
    if (box.isNull() || box.isMissingNode()) {
      throw new AssertionError("nothing to click: " + selector
          + " is missing, hidden or disabled; the page showed:\n" + visibleText());
    }
    double x = box.get("x").asDouble();
    double y = box.get("y").asDouble();
    for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
      devTools.send("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y,
          "button", "left", "clickCount", 1));
    }
  }

  /** Clicks into a field, clears it and types {@code text}. */
  void type(String selector, String text) throws Exception {
    click(selector);
    eval("document.querySelector(" + quote(selector) + ").select()");
    devTools.send("Input.insertText", Map.of("text", text));
  }

  /** Chooses {@code file} in a file input, as the file dialog would. */
  void chooseFile(String selector, Path file) throws Exception {
    int root = devTools.send("DOM.getDocument", Map.of()).path("root").path("nodeId").asInt();
    int input = devTools.send("DOM.querySelector", Map.of("nodeId", root, "selector", selector))
        .path("nodeId").asInt();
    if (input == 0) {
      throw new AssertionError("no file input " + selector);
    }
    devTools.send("DOM.setFileInputFiles", Map.of("nodeId", input,
        "files", List.of(file.toAbsolutePath().toString())));
  }

  void pressEnter() throws Exception {
    for (String type : List.of("keyDown", "keyUp")) {
      devTools.send("Input.dispatchKeyEvent", Map.of("type", type, "key", "Enter", "code", "Enter",
          "windowsVirtualKeyCode", 13, "text", "\r"));
    }
  }

  /** Saves the whole page (beyond the viewport) as a PNG. */
  void screenshot(Path file) throws Exception {
    JsonNode size = devTools.send("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
    JsonNode shot = devTools.send("Page.captureScreenshot", Map.of("format", "png",
        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
            "width", size.path("width").asDouble(), "height", size.path("height").asDouble(),
            "scale", 1)));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  List<String> pageErrors() {
    return devTools.pageErrors();
  }

  void clearPageErrors() {
    devTools.clearPageErrors();
  }

  /** A JavaScript string literal of {@code text}. */
  static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() throws IOException {
    devTools.close();
  }
}
