import { isIP } from "node:net";
import { z } from "zod";

/** express's (proxy-addr's) names for address ranges. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An address, `address/prefix`, or a named range; never a hop count or "trust everyone". */
function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: the proxies whose X-Forwarded-For the API believes, comma-separated: their
 * addresses, CIDR ranges, or express's named ranges (loopback, linklocal, uniquelocal).
 * Empty (the default) trusts nothing: the client is the socket's peer. Trust exactly the
 * proxies the deployment has: express takes the client's address from the right of the
 * header, skipping trusted hops, so every trusted range a client can reach from is a range
 * whose addresses that client can claim to be.
 */
export const TrustProxy = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0),
  )
  .refine((entries) => entries.every(isProxyEntry), {
    message: "TRUST_PROXY: each entry must be an IP address, a CIDR range (10.0.0.0/8) or loopback, linklocal, uniquelocal",
  });

/** What express's `trust proxy` setting takes: the list, or `false` for nobody. */
export function trustProxySetting(entries: readonly string[]): string[] | false {
  return entries.length > 0 ? [...entries] : false;
}
