const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * The same token in another text: an Ed25519 signature is 64 bytes, 86 base64url characters
 * holding 516 bits, so the last character's 4 low bits carry nothing and decoders ignore
 * them. Flipping one gives a second text that verifies with the very same signature.
 */
export function withSpareBitsFlipped(token: string): string {
  const last = token.at(-1) ?? "";
  const value = BASE64URL.indexOf(last);
  if (value < 0) throw new Error(`not a base64url character: ${last}`);
  const signature = token.slice(token.lastIndexOf(".") + 1);
  if (signature.length !== 86) throw new Error(`expected an 86-character Ed25519 signature, got ${signature.length}`);
  return token.slice(0, -1) + BASE64URL[value ^ 1];
}
