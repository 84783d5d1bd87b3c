import { randomUUID } from "node:crypto";
import type { Socket } from "node:net";
import { Redis } from "ioredis";
import WebSocket from "ws";
import { createLogger } from "@judge/config";
import { LiveState } from "@judge/live-state";
import { ServerMessage, applyStep, queuedView, type Role, type Step, type SubmissionView } from "@judge/protocol";
import { TokenSigner, generateTokenKeys, type TokenKeys } from "@judge/tokens";
import { createNotifier, loadNotifierConfig, type Notifier } from "../src/index.ts";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** Generous: it bounds a failing wait, never a passing one. ms */
const WAIT_MS = 20_000;

let keys: Promise<TokenKeys> | null = null;
const tokenKeys = () => (keys ??= generateTokenKeys());

/** Resolves when `check` returns something other than undefined/false, polling a local condition. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function newView(id: string): SubmissionView {
  return queuedView({ id, problem: "a-plus-b", language: "python", createdAt: new Date().toISOString() });
}

/** What a worker publishes for an accepted submission with `tests` tests. */
export function judgeSteps(tests: number): Step[] {
  const steps: Step[] = [{ kind: "status", status: "compiling" }];
  for (let i = 1; i <= tests; i++) {
    steps.push({ kind: "status", status: "running", test: i, total: tests });
    steps.push({ kind: "test", result: { index: i, verdict: "AC", timeMs: i, memoryKb: 1000 + i }, total: tests });
  }
  steps.push({
    kind: "verdict",
    verdict: "AC",
    passed: tests,
    total: tests,
    timeMs: tests,
    memoryKb: 1000 + tests,
    compileOutput: null,
    judgedAt: new Date(0).toISOString(),
  });
  return steps;
}

/** Plays the worker: the live state in Redis, stepped through LiveState like the real one. */
export class FakeSubmission {
  view: SubmissionView;
  seq = 0;
  constructor(
    private readonly live: LiveState,
    readonly id: string,
  ) {
    this.view = newView(id);
  }

  async create(ownerId: string): Promise<this> {
    await this.live.create(this.view, ownerId);
    return this;
  }

  async step(step: Step): Promise<number> {
    const view = applyStep(this.view, step);
    const seq = await this.live.append(this.id, step, view);
    // LiveState takes nothing after the verdict; a test that tries has a bug.
    if (seq === 0) throw new Error(`step ${step.kind} after the verdict of ${this.id} was dropped`);
    this.view = view;
    this.seq = seq;
    return seq;
  }

  async steps(steps: Step[]): Promise<void> {
    for (const step of steps) await this.step(step);
  }
}

export class TestClient {
  readonly messages: ServerMessage[] = [];
  closeCode: number | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data: Buffer) => this.messages.push(ServerMessage.parse(JSON.parse(data.toString("utf8")))));
    ws.on("close", (code: number) => {
      this.closeCode = code;
    });
  }

  static open(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, options);
      const client = new TestClient(ws);
      ws.once("open", () => resolve(client));
      ws.once("unexpected-response", (_req, res) => {
        reject(new HttpRefusal(res.statusCode ?? 0));
        res.resume();
        ws.terminate();
      });
      ws.once("error", reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  subscribe(submissionId: string, lastSeq?: number): void {
    this.send(lastSeq === undefined ? { op: "subscribe", submissionId } : { op: "subscribe", submissionId, lastSeq });
  }

  of(submissionId: string): ServerMessage[] {
    return this.messages.filter((m) => "submissionId" in m && m.submissionId === submissionId);
  }

  /** Waits for a message of this submission with this seq (snapshot or event). */
  untilSeq(submissionId: string, seq: number): Promise<ServerMessage> {
    return this.until(`seq ${seq} of ${submissionId}`, (m) => m.type !== "error" && m.submissionId === submissionId && m.seq === seq);
  }

  until(what: string, match: (m: ServerMessage) => boolean): Promise<ServerMessage> {
    return waitFor(what, () => this.messages.find(match) ?? (this.closeCode !== null ? failClosed(what, this.closeCode) : undefined));
  }

  closed(): Promise<number> {
    return waitFor("close", () => this.closeCode ?? undefined);
  }

  /** Stops reading from the TCP socket, so the server's send buffer fills. */
  pauseReading(): void {
    rawSocket(this.ws).pause();
  }

  resumeReading(): void {
    rawSocket(this.ws).resume();
  }

  close(): void {
    this.ws.terminate();
  }
}

function failClosed(what: string, code: number): never {
  throw new Error(`socket closed (${code}) while waiting for ${what}`);
}

function rawSocket(ws: WebSocket): Socket {
  const socket: unknown = Reflect.get(ws, "_socket");
  if (socket === null || typeof socket !== "object" || !("pause" in socket)) throw new Error("no raw socket");
  return socket as Socket;
}

export class HttpRefusal extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/**
 * Everything one test needs: its own Redis prefix, notifiers started in-process on port 0,
 * and a cleanup that closes them and deletes the prefix's keys.
 */
export class Fixture {
  readonly prefix = `test-${randomUUID()}`;
  readonly redis = new Redis(REDIS_URL);
  readonly live = new LiveState(this.redis, this.prefix);
  private readonly notifiers: Notifier[] = [];
  private readonly clients: TestClient[] = [];
  private signer: TokenSigner | null = null;

  async start(env: Record<string, string> = {}): Promise<Notifier> {
    const config = loadNotifierConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      REDIS_URL,
      REDIS_PREFIX: this.prefix,
      JWT_PUBLIC_KEY: (await tokenKeys()).publicKey.replace(/\n/g, "\\n"),
      ...env,
    });
    const logger = createLogger("notifier-test", process.env.TEST_LOG_LEVEL ?? "silent");
    const notifier = await createNotifier({ config, logger });
    this.notifiers.push(notifier);
    return notifier;
  }

  async token(sub: string, role: Role = "user"): Promise<string> {
    this.signer ??= await TokenSigner.fromPem((await tokenKeys()).privateKey, 3600);
    return this.signer.sign({ sub, name: sub, role });
  }

  async connect(notifier: Notifier, user: string, role: Role = "user"): Promise<TestClient> {
    const client = await TestClient.open(`ws://127.0.0.1:${notifier.port}/ws?token=${await this.token(user, role)}`);
    this.clients.push(client);
    return client;
  }

  submission(id = `s${randomUUID().slice(0, 8)}`): FakeSubmission {
    return new FakeSubmission(this.live, id);
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.close();
    await Promise.all(this.notifiers.map((n) => n.close()));
    let cursor = "0";
    do {
      const [next, found] = await this.redis.scan(cursor, "MATCH", `${this.prefix}:*`, "COUNT", 1000);
      if (found.length > 0) await this.redis.del(...found);
      cursor = next;
    } while (cursor !== "0");
    await this.redis.quit();
  }
}

/**
 * The stream one client got for one submission must be: an optional start (a snapshot at S,
 * or nothing when resuming), then events S+1, S+2, … up to `lastSeq`, each exactly once.
 * Returns the view it adds up to.
 */
export function checkStream(
  messages: ServerMessage[],
  from: { view: SubmissionView; seq: number } | null,
  lastSeq: number,
): { view: SubmissionView; snapshotSeq: number | null } {
  let view = from?.view ?? null;
  let seq = from?.seq ?? -1;
  let snapshotSeq: number | null = null;
  for (const [i, m] of messages.entries()) {
    if (m.type === "snapshot") {
      if (i !== 0) throw new Error(`snapshot at position ${i}`);
      view = m.submission;
      seq = m.seq;
      snapshotSeq = m.seq;
    } else if (m.type === "event") {
      if (view === null) throw new Error("event before any snapshot");
      if (m.seq !== seq + 1) throw new Error(`expected seq ${seq + 1}, got ${m.seq} (all: ${messages.map((x) => (x.type === "error" ? "E" : x.seq)).join(",")})`);
      view = applyStep(view, m);
      seq = m.seq;
    } else {
      throw new Error(`unexpected error message ${m.code}`);
    }
  }
  if (seq !== lastSeq) throw new Error(`stream ended at ${seq}, expected ${lastSeq}`);
  if (view === null) throw new Error("no start");
  return { view, snapshotSeq };
}
