/**
 * The one Content-Security-Policy of the UI, whichever host serves it (the Node
 * host's HTTP responses, the Electron window's app:// responses): only our own
 * scripts, ever.
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
