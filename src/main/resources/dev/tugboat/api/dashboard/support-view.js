'use strict';
// The support bundle button: asks the daemon for the bundle with the token in a header (a plain
// link cannot send it), then saves the answer under the name the daemon gives it.
(function (T) {
  /** The name in Content-Disposition, or a name of our own when there is none. */
  function offeredName(disposition) {
    const match = /filename="([^"/\\]+)"/.exec(disposition || '');
    return match ? match[1] : 'tugboat-support.tar.gz';
  }

  /** Hands a blob to the browser as a download named `name`. */
  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // the browser has taken the file once the click is handled
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function wire(api, button, result) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      T.dom.say(result, 'Making the support bundle (up to a minute)…');
      try {
        const bundle = await api.supportBundle();
        const name = offeredName(bundle.disposition);
        save(bundle.blob, name);
        T.dom.say(result, 'Saved ' + name + ' (' + bundle.blob.size + ' bytes). Send it to the'
          + ' app\'s vendor: secrets are masked in it.');
      } catch (e) {
        if (!e.unauthorized) T.dom.say(result, 'No support bundle: ' + e.message);
      } finally {
        button.disabled = false;
      }
    });
  }

  T.supportView = {wire, offeredName};
})(window.Tugboat);
