import { session } from 'electron';
import { CSP } from '../host/csp';

/**
 * Hardening of the one browser session the window uses. Our own app:// handler
 * already sends the CSP; the header here covers pages that arrive over http
 * (the dev server), replacing whatever policy they came with.
 */
export function hardenDefaultSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CSP];
    callback({ responseHeaders: headers });
  });
  // The UI needs no browser permission: devices (scales, printers) are driven from
  // the main process, so camera, serial, notifications and the rest stay off.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
