export { TokenSigner, TokenVerifier, TokenError, generateTokenKeys, type TokenKeys } from "./tokens.ts";
export { TokenDenylist, type RevocableToken } from "./token-denylist.ts";
