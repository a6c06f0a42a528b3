'use strict';
// Talks to the daemon's API under /api/v1 with the bearer token, and keeps the token for the tab.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const TOKEN_KEY = 'tugboat.token';

  /** A refused or failed request: `status` is the HTTP status (0: no answer). */
  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }

    get unauthorized() {
      return this.status === 401 || this.status === 403;
    }
  }

  /** The token: from `#token=...` (then removed from the address bar), else the tab's storage. */
  function takeToken(location, history, storage) {
    const match = /(?:^#|&)token=([^&]*)/.exec(location.hash);
    if (match) {
      storage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      // The fragment never reaches the server, but it would stay in history and bookmarks.
      history.replaceState(null, '', location.pathname + location.search);
    }
    return storage.getItem(TOKEN_KEY);
  }

  /** The body as JSON: null when empty, undefined when it is not JSON (a proxy's error page). */
  async function readJson(response) {
    const text = await response.text();
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch (notJson) {
      return undefined;
    }
  }

  /** The daemon says why in {"error": "..."}; a proxy in between may answer otherwise. */
  function messageOf(status, body) {
    return body && typeof body.error === 'string' ? body.error : 'the daemon answered HTTP ' + status;
  }

  class Api {
    /** `onUnauthorized(error)` is called when the daemon refuses the token (401 or 403). */
    constructor(storage, onUnauthorized) {
      this.storage = storage;
      this.onUnauthorized = onUnauthorized;
    }

    get token() {
      return this.storage.getItem(TOKEN_KEY);
    }

    setToken(token) {
      this.storage.setItem(TOKEN_KEY, token);
    }

    forgetToken() {
      this.storage.removeItem(TOKEN_KEY);
    }

    /**
     * The Authorization header, or an error when the tab has no token. A read queued before the
     * token was forgotten must not go out as "Bearer null": the daemon's 401 would replace what the
     * page asks the operator with "the daemon refused the token".
     */
    authorization() {
      const token = this.token;
      // 401 without asking the daemon: callers treat it as a refused token, and the page is
      // already asking for one, so onUnauthorized is not called again.
      if (!token) throw new ApiError(401, 'no token: paste the daemon\'s token first');
      return 'Bearer ' + token;
    }

    /** Resolves to the answer's JSON (null when empty); rejects with an ApiError. */
    async request(method, path, body) {
      const headers = {'Accept': 'application/json', 'Authorization': this.authorization()};
      const init = {method, headers, cache: 'no-store'};
      if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      let response;
      try {
        response = await fetch('/api/v1' + path, init);
      } catch (e) {
        throw new ApiError(0, 'the daemon does not answer (' + e.message + ')');
      }
      const json = await readJson(response);
      if (!response.ok) {
        const error = new ApiError(response.status, messageOf(response.status, json));
        if (error.unauthorized) this.onUnauthorized(error);
        throw error;
      }
      if (json === undefined) {
        throw new ApiError(response.status, 'the daemon answered ' + path + ' with something other than JSON');
      }
      return json;
    }

    status() {
      return this.request('GET', '/status');
    }

    /**
     * Opens the event stream: after `lastId` (sent as Last-Event-ID, as a browser's EventSource
     * does on reconnect), or from now on when it is null. Resolves to the answer once the daemon
     * accepted it, with the bearer token: EventSource cannot send that header, and a token in the
     * address would land in logs. Rejects with an ApiError.
     */
    async openEvents(lastId, signal) {
      const headers = {'Accept': 'text/event-stream', 'Authorization': this.authorization()};
      let path = '/api/v1/events/stream';
      if (lastId === null) path += '?after=latest';
      else headers['Last-Event-ID'] = String(lastId);
      let response;
      try {
        response = await fetch(path, {headers, signal, cache: 'no-store'});
      } catch (e) {
        throw new ApiError(0, 'the daemon does not answer (' + e.message + ')');
      }
      if (!response.ok) {
        const error = new ApiError(response.status, messageOf(response.status, await readJson(response)));
        if (error.unauthorized) this.onUnauthorized(error);
        throw error;
      }
      return response;
    }

    control(action) {
      return this.request('POST', '/app/' + action);
    }

    config() {
      return this.request('GET', '/config');
    }

    saveConfig(values) {
      return this.request('PUT', '/config', {values});
    }

    /** Runs the item's test with the stored values and `values` (typed, not saved) in their place. */
    testConfig(item, values) {
      return this.request('POST', '/config/' + encodeURIComponent(item) + '/test', {values});
    }

    /**
     * Uploads a bundle file (POST /bundle, streamed by the browser; the daemon writes it to disk).
     * `onProgress(sent, total)` follows the upload: fetch cannot report an upload's progress, an
     * XMLHttpRequest can. Resolves to the daemon's answer; rejects with an ApiError.
     */
    uploadBundle(file, dryRun, onProgress) {
      const authorization = this.authorization();
      const path = '/api/v1/bundle?dry_run=' + (dryRun ? 'true' : 'false')
        + '&name=' + encodeURIComponent(file.name);
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', path);
        xhr.setRequestHeader('Authorization', authorization);
        xhr.setRequestHeader('Content-Type', 'application/x-tar');
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); };
        xhr.onerror = () => reject(new ApiError(0, 'the daemon does not answer'));
        xhr.onload = () => {
          let body;
          try {
            body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
          } catch (notJson) {
            body = undefined;
          }
          if (xhr.status < 200 || xhr.status >= 300) {
            const error = new ApiError(xhr.status, messageOf(xhr.status, body));
            if (error.unauthorized) this.onUnauthorized(error);
            reject(error);
          } else if (!body) {
            reject(new ApiError(xhr.status, 'the daemon answered the upload with something other than JSON'));
          } else {
            resolve(body);
          }
        };
        xhr.send(file);
      });
    }

    /** The last `tail` lines a container wrote; `key` is component/container. */
    async logs(key, tail) {
      const slash = key.indexOf('/');
      const component = encodeURIComponent(key.slice(0, slash));
      const container = encodeURIComponent(key.slice(slash + 1));
      const answer = await this.request('GET', '/containers/' + component + '/' + container + '/logs?tail=' + tail);
      return (answer && answer.lines) || [];
    }
  }

  /**
   * The support bundle: resolves to {blob, disposition} (the Content-Disposition that names it);
   * rejects with an ApiError.
   */
  Api.prototype.supportBundle = async function () {
    let response;
    try {
      response = await fetch('/api/v1/support-bundle',
        {headers: {'Authorization': this.authorization()}, cache: 'no-store'});
    } catch (e) {
      throw new ApiError(0, 'the daemon does not answer (' + e.message + ')');
    }
    if (!response.ok) {
      const error = new ApiError(response.status, messageOf(response.status, await readJson(response)));
      if (error.unauthorized) this.onUnauthorized(error);
      throw error;
    }
    return {blob: await response.blob(), disposition: response.headers.get('Content-Disposition')};
  };

  T.api = {Api, ApiError, takeToken};
})(window.Tugboat);
