import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import WebSocket from "ws";
import { repoRoot } from "../../scripts/stack/service-process.ts";
import { startTestStack, type TestStack } from "../support/test-stack.ts";
import { withSpareBitsFlipped } from "../support/token-tamper.ts";
import { webDist } from "./browser-harness.ts";

/** The sign-in limit per client address for this stack: small, so a few requests reach it. */
const AUTH_PER_MINUTE = 3;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * An HTTP request from a chosen loopback address: each test client is "another machine"
 * (127.0.0.2, 127.0.0.3, …) as far as the gateway can tell, so the per-address limits of one
 * test do not touch another's.
 */
function send(from: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method ?? (body === undefined ? "GET" : "POST"),
        localAddress: from,
        headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The HTTP status of a refused WebSocket handshake, or 101 when it opened. */
function upgradeStatus(url: string, from: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { localAddress: from });
    socket.once("open", () => {
      socket.close();
      resolve(101);
    });
    socket.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      socket.terminate();
    });
    socket.once("error", reject);
  });
}

/** `directive -> sources` of a Content-Security-Policy, for comparing two spellings of one policy. */
function directivesOf(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources.join(" ")]),
  );
}

describe("the npm start gateway: client addresses, sign-out, security headers, cross-site requests", () => {
  let stack: TestStack;
  let gateway: string;
  let host: string;

  beforeAll(async () => {
    stack = await startTestStack({ gatewayPort: 0, webDir: webDist, workers: 0, extraEnv: { RATE_LIMIT_AUTH_PER_MINUTE: String(AUTH_PER_MINUTE) } });
    gateway = stack.gatewayUrl!;
    host = new URL(gateway).host;
  });
  afterAll(() => stack?.teardown());

  async function register(from: string): Promise<string> {
    const name = `g${Math.random().toString(36).slice(2, 10)}`;
    const res = await send(from, `${gateway}/api/auth/register`, { body: { username: name, password: "correct horse battery" } });
    assert.equal(res.status, 201, res.text);
    return (JSON.parse(res.text) as { token: string }).token;
  }

  test("a client forging X-Forwarded-For still hits its per-IP sign-in limit", async () => {
    const forged = ["203.0.113.7", "10.9.8.7", "127.0.0.9", "192.168.1.1, 10.0.0.1", "::1", "fd00::7"];
    const statuses: number[] = [];
    for (const value of forged) {
      const res = await send("127.0.0.2", `${gateway}/api/auth/login`, {
        body: { username: "nobody-here", password: "wrong password" },
        headers: { "x-forwarded-for": value, "x-real-ip": value, forwarded: `for=${value}` },
      });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [...Array(AUTH_PER_MINUTE).fill(401), ...Array(forged.length - AUTH_PER_MINUTE).fill(429)]);
    // The limit is the forger's own, by its real address: another client still signs in.
    const other = await send("127.0.0.3", `${gateway}/api/auth/login`, { body: { username: "nobody-here", password: "wrong password" } });
    assert.equal(other.status, 401);
  });

  test("a signed-out token with its spare bits flipped is refused by the API and by the notifier's upgrade", async () => {
    const token = await register("127.0.0.4");
    const twin = withSpareBitsFlipped(token);
    assert.equal((await send("127.0.0.4", `${gateway}/api/me`, { headers: { authorization: `Bearer ${twin}` } })).status, 200);
    assert.equal(await upgradeStatus(`${gateway.replace("http", "ws")}/ws?token=${twin}`, "127.0.0.4"), 101);

    const out = await send("127.0.0.4", `${gateway}/api/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    assert.equal(out.status, 204);
    assert.equal((await send("127.0.0.4", `${gateway}/api/me`, { headers: { authorization: `Bearer ${twin}` } })).status, 401);
    assert.equal((await send("127.0.0.4", `${gateway}/api/me`, { headers: { cookie: `judge_token=${twin}` } })).status, 401);
    assert.equal(await upgradeStatus(`${gateway.replace("http", "ws")}/ws?token=${twin}`, "127.0.0.4"), 401);
  });

  test("a cross-origin POST with the cookie is refused; the same request from the app's own origin works", async () => {
    const token = await register("127.0.0.5");
    const cookie = `judge_token=${token}`;
    const forged = await send("127.0.0.5", `${gateway}/api/auth/logout`, { method: "POST", headers: { cookie, origin: "https://evil.example" } });
    assert.equal(forged.status, 403);
    assert.equal((JSON.parse(forged.text) as { error: { code: string } }).error.code, "FORBIDDEN");
    assert.equal((await send("127.0.0.5", `${gateway}/api/me`, { headers: { cookie } })).status, 200, "the session survived");
    const own = await send("127.0.0.5", `${gateway}/api/auth/logout`, { method: "POST", headers: { cookie, origin: gateway } });
    assert.equal(own.status, 204);
  });

  test("the web app, its assets and its client-side routes carry CSP, nosniff, Referrer-Policy and frame-ancestors", async () => {
    const index = await send("127.0.0.6", `${gateway}/`);
    assert.equal(index.status, 200);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    assert.ok(asset, "index.html names its entry script");
    for (const path of ["/", asset, "/problems/a-plus-b", "/index.html"]) {
      const res = await send("127.0.0.6", `${gateway}${path}`);
      assert.equal(res.status, 200, path);
      const csp = directivesOf(String(res.headers["content-security-policy"] ?? ""));
      assert.equal(csp.get("script-src"), "'self'", `${path}: scripts only from the origin`);
      assert.equal(csp.get("frame-ancestors"), "'none'", path);
      assert.equal(csp.get("object-src"), "'none'", path);
      assert.equal(csp.get("connect-src"), `'self' ws://${host} wss://${host}`, path);
      assert.equal(res.headers["x-content-type-options"], "nosniff", path);
      assert.equal(res.headers["referrer-policy"], "same-origin", path);
      assert.equal(res.headers["x-frame-options"], "DENY", path);
    }
    // No inline script anywhere in the page the policy would have to allow.
    assert.doesNotMatch(index.text, /<script(?![^>]*\bsrc=)[^>]*>/);
  });

  test("the compose gateway's nginx.conf sends the same policy and headers as the npm start gateway", async () => {
    const res = await send("127.0.0.6", `${gateway}/`);
    const conf = readFileSync(join(repoRoot, "deploy", "gateway", "nginx.conf"), "utf8");
    const web = /location \/ \{([\s\S]*?)\n {2}\}/.exec(conf)?.[1] ?? "";
    const headers = new Map([...web.matchAll(/add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
    for (const name of ["x-content-type-options", "referrer-policy", "x-frame-options", "cross-origin-opener-policy"]) {
      assert.equal(headers.get(name), res.headers[name], `nginx ${name}`);
    }
    const nginxCsp = directivesOf(headers.get("content-security-policy") ?? "");
    const gatewayCsp = directivesOf(String(res.headers["content-security-policy"]));
    // nginx names the WebSocket origin from the request's Host, as the gateway does.
    assert.equal(nginxCsp.get("connect-src"), "'self' $ws_origins");
    nginxCsp.set("connect-src", gatewayCsp.get("connect-src")!);
    assert.deepEqual(nginxCsp, gatewayCsp);
    assert.match(conf, /proxy_set_header X-Forwarded-For \$remote_addr;/);
    // The API compares a POST's Origin with Host: nginx's $host would drop the port.
    const api = /location \/api\/ \{([\s\S]*?)\n {2}\}/.exec(conf)?.[1] ?? "";
    assert.match(api, /proxy_set_header Host \$http_host;/);
    assert.doesNotMatch(conf, /proxy_add_x_forwarded_for/, "never pass on what the client claimed");
  });
});
