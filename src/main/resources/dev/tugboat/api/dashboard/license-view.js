'use strict';
// The license panel: who the installed license is for, the app, its expiry (and whether it has
// passed) and its fields, from GET /api/v1/license. Read when the dashboard opens and after each
// control: a license changes only when the operator installs one.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const {el, fill} = T.dom;

  class LicenseView {
    constructor(api, panel, body) {
      this.api = api;
      this.panel = panel;
      this.body = body;
    }

    async load() {
      try {
        this.render(await this.api.request('GET', '/license'));
      } catch (e) {
        if (e.unauthorized) return;
        this.panel.hidden = false;
        fill(this.body, el('p', {class: 'error-text'}, 'License unavailable: ' + e.message));
      }
    }

    render(license) {
      this.panel.hidden = false;
      if (!license || !license.installed) {
        fill(this.body, el('p', {class: 'meta', 'data-license': 'none'},
          license && license.error ? license.error
            : 'No license is installed (tugboat license install FILE installs one).'));
        return;
      }
      const expiry = license.expiration_date
        ? (license.expired ? 'Expired on ' + license.expiration_date : 'Expires ' + license.expiration_date)
        : 'Never expires';
      fill(this.body,
        el('p', {class: 'license-who'}, (license.assignee || 'No assignee') + ' · app ' + license.app_id
          + ' · license ' + license.license_id + (license.channel ? ' · channel ' + license.channel : '')),
        el('p', {class: 'license-expiry', 'data-expired': license.expired ? 'true' : 'false'}, expiry),
        license.fields.length === 0 ? el('p', {class: 'meta'}, 'No fields.')
          : el('table', {class: 'license-fields'},
            el('thead', {}, el('tr', {}, el('th', {}, 'Field'), el('th', {}, 'Value'))),
            el('tbody', {}, license.fields.map((f) =>
              el('tr', {}, el('td', {}, f.name), el('td', {}, f.value))))));
    }
  }

  T.licenseView = {LicenseView};
})(window.Tugboat);
