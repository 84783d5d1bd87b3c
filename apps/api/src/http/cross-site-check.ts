import type { RequestHandler } from "express";
import { cookieToken } from "../auth/authenticate.ts";
import { ApiError } from "./api-error.ts";

/** Methods that change nothing: a cross-site page may make a browser send them freely. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Host of an `Origin` header, lower-case with its port; null for `null` or garbage. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Refuses cross-site request forgery: a state-changing request (POST, PUT, DELETE, …) that
 * rides on the auth cookie must come from the app's own origin or one in CORS_ORIGINS,
 * else 403 FORBIDDEN. The cookie's SameSite=Lax already keeps it off other sites' POSTs;
 * this also covers sibling subdomains (same site, other origin) and older browsers.
 *
 * - Own origin: the `Origin` names the host the request was sent to (`Host`; every gateway
 *   here passes it through). The scheme is not compared: behind a TLS terminator the API
 *   cannot tell, and an http:// page on the same host is the same server.
 * - Bearer tokens pass: a page cannot make a browser attach one to a cross-site request.
 * - No cookie: no session to ride on (sign-in takes JSON only, which a form cannot send).
 * - No `Origin`: browsers send one on every POST, PUT and DELETE, so a request without one
 *   is from a non-browser client (curl with a cookie jar) that forges nothing for anyone.
 *   A browser's `Sec-Fetch-Site` saying cross-site or same-site is still refused.
 */
export function crossSiteCheck(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins.map((o) => new URL(o).origin));
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.headers.authorization?.startsWith("Bearer ")) return next();
    if (cookieToken(req.headers.cookie) === undefined) return next();
    const origin = req.headers.origin;
    if (origin === undefined) {
      const site = req.headers["sec-fetch-site"];
      if (site === undefined || site === "same-origin" || site === "none") return next();
      return next(new ApiError("FORBIDDEN", `cross-site request refused (Sec-Fetch-Site: ${site}); send the token as a Bearer header`));
    }
    const host = hostOf(origin);
    if (allowed.has(origin) || (host !== null && host === req.headers.host?.toLowerCase())) return next();
    next(new ApiError("FORBIDDEN", "cross-site request refused: this origin may not act with the session cookie; send the token as a Bearer header"));
  };
}
