import type { PrismaClient, Submission } from "@judge/db";
import { eventually } from "../support/eventually.ts";
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

/** Subscribes and waits for the snapshot, so later events cannot be missed. */
export async function follow(client: WsTestClient, id: string): Promise<void> {
  client.subscribe(id);
  await client.snapshot(id);
}

/**
 * The database row once the results queue has written it. Read from PostgreSQL itself: the
 * API would answer with the live view from Redis, which says "done" before the row does.
 */
export async function storedRow(prisma: PrismaClient, id: string, timeoutMs = 60_000): Promise<Submission & { tests: number }> {
  const row = await eventually(
    `submission ${id} stored as done`,
    async () => {
      const found = await prisma.submission.findUnique({ where: { id } }).catch(() => null);
      return found?.status === "done" ? found : undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );
  return { ...row, tests: await prisma.submissionTest.count({ where: { submissionId: id } }) };
}
