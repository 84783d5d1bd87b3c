import { randomUUID } from "node:crypto";
import { SignJWT, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, jwtVerify, type CryptoKey } from "jose";
import { VerifiedClaims, type TokenClaims } from "@judge/protocol";

/**
 * User tokens are EdDSA JWTs: the API holds the private key and signs, notifiers hold only
 * the public key and verify, so a compromised notifier cannot mint tokens.
 */
const ALG = "EdDSA";
const ISSUER = "judge";

export class TokenError extends Error {
  readonly code = "UNAUTHORIZED";
  constructor(message: string) {
    super(message);
    this.name = "TokenError";
  }
}

export interface TokenKeys {
  /** PKCS#8 PEM */
  privateKey: string;
  /** SPKI PEM */
  publicKey: string;
}

export async function generateTokenKeys(): Promise<TokenKeys> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  return { privateKey: await exportPKCS8(privateKey), publicKey: await exportSPKI(publicKey) };
}

export class TokenVerifier {
  private constructor(private readonly key: CryptoKey) {}

  static async fromPem(publicKeyPem: string): Promise<TokenVerifier> {
    return new TokenVerifier(await importSPKI(publicKeyPem, ALG));
  }

  async verify(token: string): Promise<VerifiedClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALG], issuer: ISSUER, requiredClaims: ["jti", "exp"] });
      // A token without an id could not be revoked: every token the signer makes has one.
      return VerifiedClaims.parse(payload);
    } catch {
      throw new TokenError("invalid or expired token");
    }
  }
}

export class TokenSigner {
  private constructor(
    private readonly key: CryptoKey,
    private readonly ttlSeconds: number,
  ) {}

  static async fromPem(privateKeyPem: string, ttlSeconds: number): Promise<TokenSigner> {
    return new TokenSigner(await importPKCS8(privateKeyPem, ALG), ttlSeconds);
  }

  sign(claims: TokenClaims): Promise<string> {
    return new SignJWT({ name: claims.name, role: claims.role })
      .setProtectedHeader({ alg: ALG })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      // Unique per token, so two sign-ins in one second are two tokens that revoke apart.
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }
}
