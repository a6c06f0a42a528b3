'use strict';
// Follows the daemon's event stream (server-sent events read with fetch, so the bearer token goes
// in a header) and opens it again after a break, from the last event it saw.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const FIRST_RETRY_MS = 1000;
  const LAST_RETRY_MS = 30000;

  /** The events in `text` up to its last blank line, and the rest (a frame not complete yet). */
  function parseFrames(text) {
    const events = [];
    let start = 0;
    let end;
    while ((end = text.indexOf('\n\n', start)) >= 0) {
      const data = text.slice(start, end).split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5));
      // A frame without data is a comment the daemon sends to keep the connection open.
      if (data.length) events.push(JSON.parse(data.join('\n')));
      start = end + 2;
    }
    return {events, rest: text.slice(start)};
  }

  function pause(ms, signal) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, {once: true});
    });
  }

  /**
   * `handlers.open()` once the daemon accepted a stream, `handlers.event(e)` for each event,
   * `handlers.broken(error)` when a stream ends or cannot be opened (it is tried again, 1 s after,
   * doubling to 30 s). A refused token ends it: the page asks for a new one.
   */
  class EventFollower {
    constructor(api, handlers) {
      this.api = api;
      this.handlers = handlers;
      this.lastId = null;
      this.live = false;
      this.broken = false;
      this.controller = null;
    }

    start() {
      this.stop();
      this.controller = new AbortController();
      this.follow(this.controller.signal);
    }

    stop() {
      if (this.controller) this.controller.abort();
      this.controller = null;
      this.live = false;
      this.broken = false;
    }

    async follow(signal) {
      let retry = FIRST_RETRY_MS;
      while (!signal.aborted) {
        let error = null;
        try {
          const response = await this.api.openEvents(this.lastId, signal);
          this.live = true;
          this.broken = false;
          retry = FIRST_RETRY_MS;
          this.handlers.open();
          await this.read(response, signal);
        } catch (e) {
          if (signal.aborted || e.unauthorized) return;
          error = e;
        }
        if (signal.aborted) return;
        this.live = false;
        this.broken = true;
        this.handlers.broken(error || new Error('the daemon closed the event stream'));
        await pause(retry, signal);
        retry = Math.min(retry * 2, LAST_RETRY_MS);
      }
    }

    async read(response, signal) {
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done || signal.aborted) return;
        // The daemon ends lines with \n alone.
        const parsed = parseFrames(buffered + value);
        buffered = parsed.rest;
        for (const event of parsed.events) {
          // A status notice (a startup message) has no id: it must not move Last-Event-ID.
          if (event.id !== undefined) this.lastId = event.id;
          this.handlers.event(event);
        }
      }
    }
  }

  T.eventStream = {EventFollower, parseFrames};
})(window.Tugboat);
