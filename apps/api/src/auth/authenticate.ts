import type { Request, RequestHandler } from "express";
import { TOKEN_COOKIE, type TokenClaims } from "@judge/protocol";
import type { TokenVerifier } from "@judge/tokens";
import { unauthorized, ApiError } from "../http/api-error.ts";

declare module "express-serve-static-core" {
  interface Request {
    /** Set when the request carries a valid token. */
    user?: TokenClaims;
  }
}

function cookieToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === TOKEN_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function tokenOf(req: Request): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) return auth.slice("Bearer ".length).trim();
  return cookieToken(req.headers.cookie);
}

/**
 * Reads the bearer token or cookie. An invalid bearer token is refused; an invalid cookie
 * is ignored (a stale cookie must not lock a browser out of public pages).
 */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req, _res, next) => {
    const bearer = req.headers.authorization?.startsWith("Bearer ");
    const token = tokenOf(req);
    if (!token) return next();
    try {
      req.user = await verifier.verify(token);
      next();
    } catch (err) {
      next(bearer ? err instanceof Error ? new ApiError("UNAUTHORIZED", err.message) : unauthorized() : undefined);
    }
  };
}

export function currentUser(req: Request): TokenClaims {
  if (!req.user) throw unauthorized();
  return req.user;
}

export const requireAdmin: RequestHandler = (req, _res, next) => {
  const user = currentUser(req);
  if (user.role !== "admin") throw new ApiError("FORBIDDEN", "admins only");
  next();
};
