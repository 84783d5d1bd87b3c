export { TokenSigner, TokenVerifier, TokenError, generateTokenKeys, type TokenKeys } from "./tokens.ts";
export { TokenDenylist } from "./token-denylist.ts";
