import assert from "node:assert/strict";
import { applyStep, type EventMessage, type ServerMessage, type SubmissionView } from "@judge/protocol";
import type { PrismaClient, Submission } from "@judge/db";
import { api } from "../support/test-stack.ts";
import type { WsTestClient } from "../support/ws-client.ts";

/** Every service's log lines, with waiters: a fault test waits on what a service says it did. */
export class LogWatch {
  readonly lines: string[] = [];
  private waiters: { match: (line: string) => boolean; resolve: (line: string) => void }[] = [];

  readonly onLine = (service: string, line: string): void => {
    const full = `${service} ${line}`;
    this.lines.push(full);
    if (this.lines.length > 5000) this.lines.shift();
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(full)) return true;
      w.resolve(full);
      return false;
    });
  };

  /** Resolves with the first line (from now on) that contains every one of `parts`. */
  next(parts: string[], timeoutMs = 60_000): Promise<string> {
    const match = (line: string) => parts.every((p) => line.includes(p));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log line with ${JSON.stringify(parts)} in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  }

  count(parts: string[]): number {
    return this.lines.filter((line) => parts.every((p) => line.includes(p))).length;
  }

  tail(n = 40): string {
    return this.lines.slice(-n).join("\n");
  }
}

export const code = {
  python: "a, b = map(int, input().split())\nprint(a + b)\n",
  /** Sleeps two seconds (wall, not CPU) on the first test, the sample "1 2": a window to kill the worker in. */
  pythonSlowFirst: "import time\na, b = map(int, input().split())\nif (a, b) == (1, 2):\n    time.sleep(2)\nprint(a + b)\n",
  /** A C program that no cache has seen (compiled afresh, in a new scratch directory). */
  freshC: (nonce: string) => `#include <stdio.h>\n/* ${nonce} */\nint main(void){long long a,b;if(scanf("%lld %lld",&a,&b)!=2)return 1;printf("%lld\\n",a+b);return 0;}\n`,
};

export async function submit(baseUrl: string, token: string, language: string, source: string, problem = "a-plus-b"): Promise<string> {
  const res = await api<{ id: string }>(baseUrl, "/api/submissions", { token, body: { problem, language, code: source } });
  assert.equal(res.status, 202, JSON.stringify(res.body));
  return res.body.id;
}

export const isVerdictOf = (id: string) => (m: ServerMessage) => m.type === "event" && m.submissionId === id && m.kind === "verdict";

/** Subscribes and waits for the snapshot, so later events cannot be missed. */
export async function follow(client: WsTestClient, id: string): Promise<void> {
  client.send({ op: "subscribe", submissionId: id });
  await client.waitFor((m) => m.type === "snapshot" && m.submissionId === id);
}

/**
 * Replays what a subscriber saw for one submission and checks the promises that survive any
 * fault: seq only grows, by one, from the snapshot on; exactly one verdict, and it is last.
 */
export function replay(messages: ServerMessage[]): { view: SubmissionView; events: EventMessage[] } {
  const [first, ...rest] = messages;
  assert.ok(first && first.type === "snapshot", `the stream starts with a snapshot, got ${JSON.stringify(first)}`);
  let view = first.submission;
  let seq = first.seq;
  const events: EventMessage[] = [];
  for (const message of rest) {
    assert.equal(message.type, "event", `only events follow the snapshot: ${JSON.stringify(message)}`);
    const event = message as EventMessage;
    assert.equal(event.seq, seq + 1, `events arrive in seq order with no gap and no repeat: ${JSON.stringify(rest)}`);
    seq = event.seq;
    view = applyStep(view, event);
    events.push(event);
  }
  const verdicts = events.filter((e) => e.kind === "verdict");
  assert.equal(verdicts.length, 1, `exactly one verdict: ${JSON.stringify(events)}`);
  assert.equal(events.at(-1), verdicts[0], "the verdict is the last event");
  return { view, events };
}

/**
 * The database row once the results queue has written it. Read from PostgreSQL itself: the
 * API would answer with the live view from Redis, which says "done" before the row does.
 */
export async function storedRow(prisma: PrismaClient, id: string, timeoutMs = 60_000): Promise<Submission & { tests: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await prisma.submission.findUnique({ where: { id } }).catch(() => null);
    if (row?.status === "done") return { ...row, tests: await prisma.submissionTest.count({ where: { submissionId: id } }) };
    if (Date.now() > deadline) throw new Error(`submission ${id} not stored as done in ${timeoutMs} ms: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
