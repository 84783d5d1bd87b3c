import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { TOKEN_COOKIE, type ErrorBody, type ErrorCode, type VerifiedClaims } from "@judge/protocol";
import type { TokenDenylist, TokenVerifier } from "@judge/tokens";

export type RejectStatus = 401 | 404 | 429 | 503;

const reasonPhrase: Record<RejectStatus, string> = {
  401: "Unauthorized",
  404: "Not Found",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

/** A refused handshake: answered with this HTTP status before any WebSocket exists. */
export class UpgradeRejected extends Error {
  constructor(
    readonly status: RejectStatus,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "UpgradeRejected";
  }
}

/** The token from `?token=` (clients that cannot send cookies) or else the browser's cookie. */
export function tokenOf(req: IncomingMessage, url: URL): string | null {
  const fromQuery = url.searchParams.get("token");
  if (fromQuery) return fromQuery;
  return cookieValue(req.headers.cookie, TOKEN_COOKIE);
}

export function cookieValue(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

export async function authenticateUpgrade(
  req: IncomingMessage,
  url: URL,
  verifier: TokenVerifier,
  denylist: TokenDenylist,
): Promise<VerifiedClaims> {
  const token = tokenOf(req, url);
  if (token === null) {
    throw new UpgradeRejected(401, "UNAUTHORIZED", `a token is required: ?token= or the ${TOKEN_COOKIE} cookie`);
  }
  let claims: VerifiedClaims;
  try {
    claims = await verifier.verify(token);
  } catch {
    throw new UpgradeRejected(401, "UNAUTHORIZED", "invalid or expired token");
  }
  // A signed-out token is still validly signed: the API's denylist in Redis, keyed on the
  // token's id (not its text, which has other spellings), says it is dead.
  const revoked = await denylist.isRevoked(claims).catch(() => {
    throw new UpgradeRejected(503, "UNAVAILABLE", "cannot check the token right now, try again shortly");
  });
  if (revoked) throw new UpgradeRejected(401, "UNAUTHORIZED", "this token was revoked (signed out)");
  return claims;
}

/** Writes a real HTTP response on the raw socket and closes it, as ws' own abortHandshake does. */
export function rejectUpgrade(socket: Duplex, rejection: UpgradeRejected): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: rejection.code, message: rejection.message } } satisfies ErrorBody);
  socket.once("finish", socket.destroy);
  socket.end(
    `HTTP/1.1 ${rejection.status} ${reasonPhrase[rejection.status]}\r\n` +
      "Connection: close\r\n" +
      "Content-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "\r\n" +
      body,
  );
}
