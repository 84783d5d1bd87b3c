export { TokenSigner, TokenVerifier, TokenError, generateTokenKeys, type TokenKeys } from "./tokens.ts";
