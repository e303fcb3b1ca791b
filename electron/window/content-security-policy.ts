/**
 * The window's Content Security Policy, sent with every page the app scheme serves.
 * Scripts, styles, fonts and frames only from the app itself; no inline script, no eval.
 * Connections may go to any http(s) address, because the manager types the sync server's
 * address in Settings at run time; a page that can run no foreign script has nothing to
 * send there but what Treu itself sends.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style properties through the DOM, which CSP allows; the QR card's SVG and
  // html5-qrcode's camera view need inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self'",
  "connect-src 'self' https: http:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
