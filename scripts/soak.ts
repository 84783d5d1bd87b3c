/**
 * Soak: many simulated users submit over HTTP and follow their verdicts over WebSocket for
 * N seconds while a chaos loop SIGKILLs a random worker or the notifier every few seconds
 * (and starts it again). Then every submission made must have exactly one stored verdict,
 * seen by its user, with no duplicate push and nothing stuck, and once the stack is down, no
 * process, cgroup or compile scratch of any box left on the host. Exits 1 on any mismatch.
 *
 *   npm run soak -- --seconds 180 [--users 40] [--inflight 2] [--workers 2] [--chaos-every 5]
 */
import { parseArgs } from "node:util";
import { createPrisma } from "@judge/db";
import type { ServiceProcess } from "./stack/service-process.ts";
import { api, registerUser, startTestStack } from "../test/support/test-stack.ts";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { boxLeftovers } from "./soak/box-leftovers.ts";
import { SoakClient } from "./soak/soak-client.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    users: { type: "string", default: "40" },
    inflight: { type: "string", default: "2" },
    workers: { type: "string", default: "2" },
    "chaos-every": { type: "string", default: "5" },
    "drain-seconds": { type: "string", default: "120" },
  },
});
const num = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};
const seconds = num("seconds");
const users = num("users");
const inflight = num("inflight");
const workerCount = num("workers");
const chaosEveryMs = num("chaos-every") * 1000;
const drainMs = num("drain-seconds") * 1000;

/** Cheap to judge, so the run makes thousands: C compiles once (cached), wrong answers stop at test 1. */
const programs = [
  { language: "c", code: '#include <stdio.h>\nint main(void){long long a,b;scanf("%lld %lld",&a,&b);printf("%lld\\n",a+b);return 0;}\n', verdict: "AC" },
  { language: "c", code: '#include <stdio.h>\nint main(void){long long a,b;scanf("%lld %lld",&a,&b);printf("%lld\\n",a-b);return 0;}\n', verdict: "WA" },
  { language: "python", code: "a, b = map(int, input().split())\nprint(a * b + 7)\n", verdict: "WA" },
] as const;

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  // The soak's boxes run as a uid and scratch in a directory of its own, so that what they
  // leave behind can be counted after the stack is down.
  const sandboxUid = 64000 + (process.pid % 1000);
  const workDir = await mkdtemp(join(tmpdir(), "judge-soak-work-"));
  await chmod(workDir, 0o711); // the sandbox user passes through it
  const stack = await startTestStack({
    workers: workerCount,
    workerConcurrency: 1,
    logLevel: "warn",
    // A killed worker's job comes back in seconds.
    extraEnv: { JOB_LOCK_MS: "3000", STALLED_CHECK_MS: "1500", SANDBOX_UID: String(sandboxUid), SANDBOX_GID: String(sandboxUid), WORK_DIR: workDir },
  });
  const workerPids = new Set<number>();
  const noteWorkers = () => {
    for (const w of stack.workers) if (w.child.pid !== undefined) workerPids.add(w.child.pid);
  };
  noteWorkers();
  const prisma = createPrisma(stack.databaseUrl);
  const extra = await stack.addNotifier();
  const urls = [stack.notifierUrl, extra.url];
  const clients: SoakClient[] = [];
  const made: { id: string; expected: string; user: number }[] = [];
  let refused = 0;
  const chaos = { workersKilled: 0, notifiersKilled: 0 };
  try {
    const tokens = await Promise.all(Array.from({ length: users }, (_, i) => registerUser(stack.apiUrl, `soak${i}${Date.now() % 100000}`)));
    for (const { token } of tokens) {
      const client = new SoakClient(urls, token);
      client.connect();
      clients.push(client);
    }
    const until = Date.now() + seconds * 1000;
    out(`soak: ${users} users x ${inflight} in flight, ${workerCount} workers, 2 notifiers, chaos every ${chaosEveryMs / 1000}s, ${seconds}s`);

    let chaosTimer: NodeJS.Timeout | undefined;
    const chaosLoop = async () => {
      if (Date.now() >= until) return;
      if (Math.random() < 0.6) {
        const alive = stack.workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
        const victim: ServiceProcess | undefined = alive[Math.floor(Math.random() * alive.length)];
        if (victim) {
          victim.kill("SIGKILL");
          await victim.exited;
          chaos.workersKilled++;
          await stack.addWorker();
          noteWorkers();
        }
      } else {
        const victim = stack.notifier;
        victim.kill("SIGKILL");
        await victim.exited;
        chaos.notifiersKilled++;
        await stack.restartNotifier();
      }
      chaosTimer = setTimeout(() => void chaosLoop().catch((err: unknown) => out(`chaos failed: ${String(err)}`)), chaosEveryMs);
    };
    chaosTimer = setTimeout(() => void chaosLoop(), chaosEveryMs);

    const userLoop = async (user: number, lane: number) => {
      const client = clients[user]!;
      const { token } = tokens[user]!;
      let n = lane;
      while (Date.now() < until) {
        const program = programs[n++ % programs.length]!;
        const res = await api<{ id: string }>(stack.apiUrl, "/api/submissions", { token, body: { problem: "a-plus-b", language: program.language, code: program.code } }).catch(() => null);
        if (res?.status !== 202) {
          refused++;
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
        made.push({ id: res.body.id, expected: program.verdict, user });
        // Closed loop: the next submission once this one's verdict is known (or time is up).
        await Promise.race([client.follow(res.body.id), new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())))]);
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: users * inflight }, (_, i) => userLoop(i % users, Math.floor(i / users))));
    clearTimeout(chaosTimer);
    const submitSeconds = (Date.now() - started) / 1000;

    // Drain: everything made must end stored and seen.
    const drainUntil = Date.now() + drainMs;
    const unseen = () => made.filter((m) => !clients[m.user]!.followed.get(m.id)?.seen).length;
    let stored = 0;
    for (;;) {
      stored = await prisma.submission.count({ where: { status: "done" } });
      if ((stored >= made.length && unseen() === 0) || Date.now() > drainUntil) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const rows = await prisma.submission.findMany({ select: { id: true, status: true, verdict: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const wrongVerdict = made.filter((m) => byId.get(m.id)?.status === "done" && byId.get(m.id)?.verdict !== m.expected);
    const ie = rows.filter((r) => r.verdict === "IE").length;
    const stuck = made.filter((m) => byId.get(m.id)?.status !== "done").length;
    const duplicates = clients.reduce((sum, c) => sum + [...c.followed.values()].filter((f) => f.verdictEvents > 1).length, 0);
    const gaps = clients.reduce((sum, c) => sum + c.gaps, 0);
    const errors = clients.flatMap((c) => c.errors);
    const table: [string, number | string, boolean][] = [
      ["submissions made (202)", made.length, true],
      ["submissions refused (503/429/network, not made)", refused, true],
      ["rows in the database", rows.length, rows.length === made.length],
      ["verdicts stored", stored, stored === made.length],
      ["verdicts seen by their user", made.length - unseen(), unseen() === 0],
      ["verdicts not the expected one (IE among them)", `${wrongVerdict.length} (${ie} IE)`, wrongVerdict.length === 0],
      ["duplicate verdict pushes", duplicates, duplicates === 0],
      ["gaps in a stream's seq", gaps, gaps === 0],
      ["subscriptions refused by a notifier", errors.length, errors.length === 0],
      ["stuck (not done after the drain)", stuck, stuck === 0],
      ["workers SIGKILLed / notifiers SIGKILLed", `${chaos.workersKilled} / ${chaos.notifiersKilled}`, true],
      ["client reconnects", clients.reduce((s, c) => s + c.reconnects, 0), true],
      ["submissions per second", (made.length / submitSeconds).toFixed(1), true],
    ];
    // Every worker down (SIGTERM, then SIGKILL after a grace): whatever a box left is a leak.
    noteWorkers();
    await Promise.all(stack.workers.map((w) => w.stop()));
    const leftovers = boxLeftovers({ uid: sandboxUid, workDir, workerPids: [...workerPids] });
    table.push(["box processes, cgroups and scratch left once the workers are down", leftovers.length, leftovers.length === 0]);
    out("");
    out("| measure | count | ok |");
    out("| --- | --- | --- |");
    for (const [name, value, ok] of table) out(`| ${name} | ${value} | ${ok ? "yes" : "**NO**"} |`);
    const failed = table.some(([, , ok]) => !ok) || made.length === 0;
    if (errors.length > 0) out(`first refusals: ${JSON.stringify(errors.slice(0, 3))}`);
    if (leftovers.length > 0) out(`left behind: ${JSON.stringify(leftovers.slice(0, 10))}`);
    if (wrongVerdict.length > 0) out(`first unexpected: ${JSON.stringify(wrongVerdict.slice(0, 3).map((m) => ({ ...m, got: byId.get(m.id)?.verdict })))}`);
    out(failed ? "soak: MISMATCH" : "soak: all match");
    return failed ? 1 : 0;
  } finally {
    for (const c of clients) c.close();
    await prisma.$disconnect();
    await stack.teardown();
    await rm(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`soak failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
