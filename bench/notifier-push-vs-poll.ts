/**
 * Push versus polling, one run, the real stack (api, worker, notifier as processes): N
 * simulated users each submit and wait for the verdict, first over the WebSocket, then by
 * polling GET /api/submissions/:id every second as LeetCode's site does. Measured: the extra
 * delay from the judge's finish (the verdict's `judgedAt`, stamped by the worker) to the
 * user seeing it, and the requests per second the API had to answer.
 * Sizes: NOTIFIER_BENCH_USERS (default 20), NOTIFIER_BENCH_ROUNDS submissions each (default 2).
 */
import type { SubmissionView } from "@judge/protocol";
import { api, registerUser, startTestStack, type TestStack } from "../test/support/test-stack.ts";
import { WsTestClient } from "../test/support/ws-client.ts";
import { ms, summarize, type Summary } from "./latency-stats.ts";
import type { BenchSection } from "./section.ts";

const USERS = Number(process.env.NOTIFIER_BENCH_USERS ?? 20);
const ROUNDS = Number(process.env.NOTIFIER_BENCH_ROUNDS ?? 2);
const POLL_INTERVAL_MS = 1000;
const CODE = "a, b = map(int, input().split())\nprint(a + b)\n";

interface ModeResult {
  /** ms from the judge's finish to the user seeing the verdict */
  delay: Summary;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
}

interface User {
  token: string;
  ws: WsTestClient;
}

async function run(): Promise<Record<string, unknown>> {
  const stack = await startTestStack({ workers: 1, workerConcurrency: 2, logLevel: "warn" });
  try {
    const users: User[] = [];
    for (let i = 0; i < USERS; i++) {
      const { token } = await registerUser(stack.apiUrl);
      users.push({ token, ws: await WsTestClient.connect(stack.notifierUrl, token) });
    }
    // Warm the worker's caches (test data, the python start) outside the measurement.
    await submitAndPush(stack, users[0]!);

    const push = await mode(users, (user) => submitAndPush(stack, user));
    const poll = await mode(users, (user) => submitAndPoll(stack, user));
    for (const user of users) user.ws.close();

    process.stdout.write(`\n${USERS} users × ${ROUNDS} submissions (python a-plus-b), 1 worker × 2; delay = seen − judge finished\n`);
    process.stdout.write("mode                   delay mean   p50        p99        max        API requests/s\n");
    for (const [name, r] of [["WebSocket push", push], [`polling every ${POLL_INTERVAL_MS / 1000} s`, poll]] as const) {
      process.stdout.write(`${name.padEnd(22)} ${ms(r.delay.mean).padEnd(12)} ${ms(r.delay.p50).padEnd(10)} ${ms(r.delay.p99).padEnd(10)} ${ms(r.delay.max).padEnd(10)} ${r.requestsPerSecond.toFixed(1)}\n`);
    }
    return { users: USERS, rounds: ROUNDS, push, poll };
  } finally {
    await stack.teardown();
  }
}

/** Every user runs ROUNDS submissions one after another, all users at once, starting at random moments within a second. */
async function mode(users: User[], wait: (user: User) => Promise<{ delay: number; requests: number }>): Promise<ModeResult> {
  const started = performance.now();
  const delays: number[] = [];
  let requests = 0;
  await Promise.all(
    users.map(async (user) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000));
      for (let round = 0; round < ROUNDS; round++) {
        const result = await wait(user);
        delays.push(result.delay);
        requests += result.requests;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { delay: summarize(delays), requests, seconds, requestsPerSecond: requests / seconds };
}

async function submit(stack: TestStack, token: string): Promise<string> {
  const res = await api<{ id: string }>(stack.apiUrl, "/api/submissions", { token, body: { problem: "a-plus-b", language: "python", code: CODE } });
  if (res.status !== 202) throw new Error(`submit answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function submitAndPush(stack: TestStack, user: User): Promise<{ delay: number; requests: number }> {
  const id = await submit(stack, user.token);
  user.ws.send({ op: "subscribe", submissionId: id });
  const verdict = await user.ws.verdict(id);
  const seen = Date.now();
  user.ws.send({ op: "unsubscribe", submissionId: id });
  if (verdict.type !== "event" || verdict.kind !== "verdict") throw new Error("not a verdict");
  return { delay: seen - Date.parse(verdict.judgedAt), requests: 1 };
}

async function submitAndPoll(stack: TestStack, user: User): Promise<{ delay: number; requests: number }> {
  const id = await submit(stack, user.token);
  let requests = 1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    const res = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${id}`, { token: user.token });
    requests++;
    if (res.status !== 200) throw new Error(`poll answered ${res.status}`);
    if (res.body.status === "done" && res.body.judgedAt !== null) {
      return { delay: Date.now() - Date.parse(res.body.judgedAt), requests };
    }
  }
}

export const notifierPushVsPoll: BenchSection = { name: "notifier-push-vs-poll", run };
