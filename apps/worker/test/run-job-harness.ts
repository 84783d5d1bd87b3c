import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Job } from "bullmq";
import { Redis } from "ioredis";
import { createLogger } from "@judge/config";
import { LiveState } from "@judge/live-state";
import { type RunJob, type SubmissionView, type TestBundle, queuedView } from "@judge/protocol";
import { SHARED_REDIS } from "../../../test/support/services.ts";
import type { Judge } from "../src/judge/index.ts";
import { RunJudging } from "../src/jobs/run-judging.ts";
import { TestBundleCache } from "../src/test-bundle-cache.ts";
import { traversableTempDir } from "./judge-fixtures.ts";

export interface RunJobHarness {
  /** The job as the worker's queue glue processes it; the run's last view in the live state. */
  run(job: Omit<RunJob, "v" | "kind" | "submissionId">, problem: string): Promise<SubmissionView | undefined>;
  close(): Promise<void>;
}

/**
 * The Run button's job through the real glue: bundles (by problem id) served over HTTP as the
 * API's internal endpoint serves them, the live state in Redis under a prefix of its own, the
 * given Judge.
 */
export async function startRunJobHarness(judge: Judge, bundles: Readonly<Record<string, TestBundle>>): Promise<RunJobHarness> {
  const server = createServer((request, response) => {
    response.setHeader("content-type", "application/json");
    const problemId = /^\/internal\/problems\/([^/]+)\/bundle$/.exec(request.url ?? "")?.[1];
    const served = problemId === undefined ? undefined : bundles[problemId];
    response.end(served === undefined ? "{}" : JSON.stringify(served));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const redis = new Redis(SHARED_REDIS);
  const prefix = `test-${randomUUID()}`;
  const cacheDir = await traversableTempDir("run-job-bundles-");
  const { port } = server.address() as AddressInfo;
  const live = new LiveState(redis, prefix);
  const bundleCache = new TestBundleCache(`http://127.0.0.1:${port}`, "worker-token", cacheDir);
  const runs = new RunJudging({ judge, bundles: bundleCache, live, logger: createLogger("test", "silent") });
  return {
    async run(job, problem) {
      const id = `run-${randomUUID()}`;
      await live.create(queuedView({ id, problem, language: job.language, createdAt: new Date().toISOString(), kind: "run" }), "u1");
      const request: RunJob = { v: 1, kind: "run", submissionId: id, ...job };
      await runs.process({ id, data: request, attemptsMade: 0, opts: { attempts: 3 } } as unknown as Job, request);
      return (await live.snapshot(id))?.view;
    },
    async close() {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      await new Promise((resolve) => server.close(resolve));
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}
