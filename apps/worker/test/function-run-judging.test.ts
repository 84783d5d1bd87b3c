import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, test } from "vitest";
import type { Job } from "bullmq";
import { Redis } from "ioredis";
import { createLogger } from "@judge/config";
import { LiveState } from "@judge/live-state";
import { type FunctionSignature, type RunJob, queuedView } from "@judge/protocol";
import { SHARED_REDIS } from "../../../test/support/services.ts";
import type { Judge } from "../src/judge/index.ts";
import { RunJudging } from "../src/run-judging.ts";
import { TestBundleCache } from "../src/test-bundle-cache.ts";
import { createTestJudge, traversableTempDir } from "./judge-fixtures.ts";
import { functionBundle } from "./function-fixtures/bundles.ts";

/**
 * The Run button's job for a function problem, through the real glue: the bundle fetched from an
 * HTTP endpoint standing in for the API's internal one, the live state in Redis (a prefix of its
 * own), the real Judge. The verdict step carries every case and the count that matched.
 */
const signature: FunctionSignature = { kind: "function", name: "square", params: [{ name: "n", type: "integer" }], returns: "long" };
const bundle = {
  ...functionBundle(signature, [["3", "9"]], {
    references: [{ language: "python", code: "class Solution:\n    def square(self, n: int) -> int:\n        return n * n\n" }],
  }),
  hash: "c".repeat(64),
};

let judge: Judge;
let server: Server;
let redis: Redis;
let cacheDir: string;
const prefix = `test-${randomUUID()}`;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["python"] });
  server = createServer((request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(request.url === "/internal/problems/p-square/bundle" ? JSON.stringify(bundle) : "{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  redis = new Redis(SHARED_REDIS);
  cacheDir = await traversableTempDir("function-run-bundles-");
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await new Promise((resolve) => server.close(resolve));
  await judge.close();
  await rm(cacheDir, { recursive: true, force: true });
});

test("a function problem's run publishes every case with the reference's answers and how many matched", async () => {
  const live = new LiveState(redis, prefix);
  const { port } = server.address() as AddressInfo;
  const bundles = new TestBundleCache(`http://127.0.0.1:${port}`, "worker-token", cacheDir);
  const runs = new RunJudging({ judge, bundles, live, logger: createLogger("test", "silent") });
  const id = `run-${randomUUID()}`;
  await live.create(queuedView({ id, problem: "square", language: "python", createdAt: new Date().toISOString(), kind: "run" }), "u1");
  const request: RunJob = {
    v: 1,
    kind: "run",
    submissionId: id,
    language: "python",
    // Wrong past 2^31: an int32 overflow, as a Java solution would have.
    code: "class Solution:\n    def square(self, n: int) -> int:\n        print('n =', n)\n        return (n * n + 2**31) % 2**32 - 2**31\n",
    input: "3\n-4\n65536",
    limits: bundle.limits,
    function: { problemId: "p-square", testsHash: bundle.hash },
  };
  await runs.process({ id, data: request, attemptsMade: 0, opts: { attempts: 3 } } as unknown as Job, request);
  const view = (await live.snapshot(id))?.view;
  assert.equal(view?.verdict, "WA", JSON.stringify(view));
  assert.equal(view?.passed, 2);
  assert.equal(view?.total, 3);
  assert.deepEqual(
    view?.output?.cases?.map((c) => [c.input, c.output, c.expected, c.stdout, c.verdict]),
    [
      ["3", "9", "9", "n = 3\n", "AC"],
      ["-4", "16", "16", "n = -4\n", "AC"],
      ["65536", "0", "4294967296", "n = 65536\n", "WA"],
    ],
  );
});
