import type { Request, RequestHandler } from "express";
import { TOKEN_COOKIE, type VerifiedClaims } from "@judge/protocol";
import type { TokenDenylist, TokenVerifier } from "@judge/tokens";
import { unauthorized, ApiError } from "../http/api-error.ts";

declare module "express-serve-static-core" {
  interface Request {
    /** Set when the request carries a valid, unrevoked token; its `jti` is what logout revokes. */
    user?: VerifiedClaims;
  }
}

export function cookieToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === TOKEN_COOKIE) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined; // a malformed cookie is no token
      }
    }
  }
  return undefined;
}

export function tokenOf(req: Request): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) return auth.slice("Bearer ".length).trim();
  return cookieToken(req.headers.cookie);
}

/**
 * Reads the bearer token or cookie. An invalid or revoked bearer token is refused; an
 * invalid cookie is ignored (a stale cookie must not lock a browser out of public pages).
 */
export function authenticate(verifier: TokenVerifier, denylist: TokenDenylist): RequestHandler {
  return async (req, _res, next) => {
    const bearer = req.headers.authorization?.startsWith("Bearer ");
    const token = tokenOf(req);
    if (!token) return next();
    let claims: VerifiedClaims;
    try {
      claims = await verifier.verify(token);
    } catch (err) {
      return next(bearer ? (err instanceof Error ? new ApiError("UNAUTHORIZED", err.message) : unauthorized()) : undefined);
    }
    try {
      if (await denylist.isRevoked(claims)) {
        return next(bearer ? new ApiError("UNAUTHORIZED", "this token was revoked (signed out)") : undefined);
      }
    } catch (err) {
      return next(err); // Redis away: a 503, never a revoked token let through
    }
    req.user = claims;
    next();
  };
}

export function currentUser(req: Request): VerifiedClaims {
  if (!req.user) throw unauthorized();
  return req.user;
}

/** For routes that need a signed-in user (any role). */
export const requireUser: RequestHandler = (req, _res, next) => {
  currentUser(req);
  next();
};

export const requireAdmin: RequestHandler = (req, _res, next) => {
  const user = currentUser(req);
  if (user.role !== "admin") throw new ApiError("FORBIDDEN", "admins only");
  next();
};
