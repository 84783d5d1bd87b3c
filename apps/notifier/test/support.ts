import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { createLogger } from "@judge/config";
import { LiveState } from "@judge/live-state";
import { applyStep, queuedView, type Role, type Step, type SubmissionView } from "@judge/protocol";
import { TokenSigner, generateTokenKeys, type TokenKeys } from "@judge/tokens";
import { createNotifier, loadNotifierConfig, type Notifier } from "../src/index.ts";
import { SHARED_REDIS } from "../../../test/support/services.ts";
import { WsTestClient } from "../../../test/support/ws-client.ts";

export { checkStream } from "../../../test/support/event-stream.ts";
export { eventually } from "../../../test/support/eventually.ts";
export { HttpRefusal, WsTestClient } from "../../../test/support/ws-client.ts";

/** The machine's shared Redis, as for every suite (TEST_REDIS_URL). */
export const REDIS_URL = SHARED_REDIS;

let keys: Promise<TokenKeys> | null = null;
const tokenKeys = () => (keys ??= generateTokenKeys());

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

/**
 * Everything one test needs: its own Redis prefix, notifiers started in-process on port 0,
 * and a cleanup that closes them and deletes the prefix's keys.
 */
export class Fixture {
  readonly prefix = `test-${randomUUID()}`;
  readonly redis = new Redis(REDIS_URL);
  readonly live = new LiveState(this.redis, this.prefix);
  private readonly notifiers: Notifier[] = [];
  private readonly clients: WsTestClient[] = [];
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

  async connect(notifier: Notifier, user: string, role: Role = "user"): Promise<WsTestClient> {
    const client = await WsTestClient.open(`ws://127.0.0.1:${notifier.port}/ws?token=${await this.token(user, role)}`);
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
