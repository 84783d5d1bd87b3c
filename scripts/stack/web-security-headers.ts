import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import helmet from "helmet";

/** A Host header fit to name an origin in a policy: a name or address and a port, nothing else. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The WebSocket origins of the page's own host: where the SPA opens /ws. */
function webSocketOrigins(req: IncomingMessage): string {
  const host = req.headers.host ?? "";
  return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : "";
}

/**
 * The web app's Content-Security-Policy and companions, for every response of the SPA
 * (index.html, assets, client-side routes). deploy/gateway/nginx.conf sends the same for
 * compose; test/e2e/gateway-security.test.ts holds the two to one policy.
 *
 * - script-src 'self': Vite's build has no inline script (the entry is a module file).
 * - style-src 'unsafe-inline': CodeMirror (style-mod) writes its theme into <style>
 *   elements at run time and KaTeX sets style attributes; neither can carry a hash, and a
 *   nonce needs a server that rewrites index.html per response. Styles cannot run code.
 * - font-src data:: Vite inlines KaTeX's smallest font into the CSS.
 * - connect-src: the API on 'self', the notifier on ws(s):// of the same host ('self'
 *   covers it only in CSP3 browsers).
 * - frame-ancestors 'none' (and X-Frame-Options: DENY for older browsers): no framing.
 * - Referrer-Policy same-origin, not no-referrer: under no-referrer a browser sends
 *   `Origin: null` on the SPA's own POSTs, which the API's cross-site check would refuse.
 * No HSTS and no upgrade-insecure-requests: `npm start` serves plain HTTP on localhost;
 * whoever terminates TLS in front adds HSTS.
 */
export function webSecurityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", (req) => webSocketOrigins(req)],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: false,
  }) as RequestHandler;
}
