import { Router, type Response } from "express";
import { Credentials, EditorSettings, TOKEN_COOKIE, type AuthResponse, type EditorSettingsResponse, type User } from "@judge/protocol";
import type { PrismaClient } from "@judge/db";
import type { TokenDenylist, TokenSigner } from "@judge/tokens";
import { ApiError } from "../http/api-error.ts";
import { currentUser } from "./authenticate.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

export interface AuthDeps {
  prisma: PrismaClient;
  denylist: TokenDenylist;
  signer: TokenSigner;
  tokenTtlSeconds: number;
  cookieSecure: boolean;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

export function authRoutes(deps: AuthDeps): Router {
  const router = Router();

  async function issue(res: Response, user: User, status: number): Promise<void> {
    const token = await deps.signer.sign({ sub: user.id, name: user.username, role: user.role });
    res.cookie(TOKEN_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: deps.cookieSecure,
      path: "/",
      maxAge: deps.tokenTtlSeconds * 1000,
    });
    const body: AuthResponse = { user, token };
    res.status(status).json(body);
  }

  router.post("/register", async (req, res) => {
    const { username, password } = Credentials.parse(req.body);
    const passwordHash = await hashPassword(password);
    try {
      const row = await deps.prisma.user.create({ data: { username, passwordHash, role: "user" } });
      await issue(res, { id: row.id, username: row.username, role: row.role }, 201);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError("CONFLICT", "that username is taken");
      throw err;
    }
  });

  router.post("/login", async (req, res) => {
    const { username, password } = Credentials.parse(req.body);
    const row = await deps.prisma.user.findUnique({ where: { username } });
    if (!row || !(await verifyPassword(password, row.passwordHash))) {
      throw new ApiError("UNAUTHORIZED", "wrong username or password");
    }
    await issue(res, { id: row.id, username: row.username, role: row.role }, 200);
  });

  // Revokes the token the request came with (bearer or cookie) on every replica, for the
  // rest of its life, by its id; signing out without one just clears the cookie.
  router.post("/logout", async (req, res) => {
    if (req.user) await deps.denylist.revoke(req.user);
    res.clearCookie(TOKEN_COOKIE, { path: "/" });
    res.status(204).end();
  });

  return router;
}

export function meRoute(prisma: PrismaClient): Router {
  const router = Router();
  router.get("/", async (req, res) => {
    const claims = currentUser(req);
    const row = await prisma.user.findUnique({ where: { id: claims.sub } });
    if (!row) throw new ApiError("UNAUTHORIZED", "this account no longer exists");
    const user: User = { id: row.id, username: row.username, role: row.role };
    res.json({ user });
  });
  // The web editor's settings follow the account to other browsers; stored as sent, once parsed.
  router.get("/editor-settings", async (req, res) => {
    const claims = currentUser(req);
    const row = await prisma.user.findUnique({ where: { id: claims.sub }, select: { editorSettings: true } });
    if (!row) throw new ApiError("UNAUTHORIZED", "this account no longer exists");
    const stored = EditorSettings.safeParse(row.editorSettings);
    const body: EditorSettingsResponse = { settings: stored.success ? stored.data : null };
    res.json(body);
  });
  router.put("/editor-settings", async (req, res) => {
    const claims = currentUser(req);
    const settings = EditorSettings.parse(req.body);
    await prisma.user.update({ where: { id: claims.sub }, data: { editorSettings: settings } });
    const body: EditorSettingsResponse = { settings };
    res.json(body);
  });
  return router;
}

export async function ensureAdmin(prisma: PrismaClient, username: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await prisma.user.upsert({
    where: { username },
    create: { username, passwordHash, role: "admin" },
    update: { passwordHash, role: "admin" },
  });
}
