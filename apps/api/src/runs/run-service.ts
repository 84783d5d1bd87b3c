import { randomUUID } from "node:crypto";
import type { Queue } from "bullmq";
import type { Logger } from "@judge/config";
import { type PrismaClient, limitsOfRow } from "@judge/db";
import type { LiveState } from "@judge/live-state";
import {
  CheckerSpec,
  Limits,
  Signature,
  jobPriority,
  queuedView,
  type JudgeJob,
  type RunCreate,
  type SubmissionView,
  type TokenClaims,
} from "@judge/protocol";
import { ApiError, notFound } from "../http/api-error.ts";
import type { Admission } from "../intake/admission.ts";
import type { OfferedLanguages } from "../intake/offered-languages.ts";
import type { RunsInFlight } from "../intake/runs-in-flight.ts";
import { requireFunctionLanguage } from "../problems/function-languages.ts";
import { functionRunCases } from "./function-run-input.ts";

interface FunctionRun {
  problemId: string;
  testsHash: string;
  signature: Signature;
  /** How many cases the Testcase panel holds. */
  cases: number;
}

/** Limits of a run without a problem: what a typical problem allows. */
const DEFAULT_RUN_LIMITS: Limits = { timeMs: 2000, memoryKb: 256 * 1024 };

export interface RunServiceDeps {
  prisma: PrismaClient;
  live: LiveState;
  offeredLanguages: OfferedLanguages;
  judgeQueue: Queue<JudgeJob>;
  /** The same intake check as submissions: queue depth and the per-user cap. */
  admission: Admission;
  runsInFlight: RunsInFlight;
  judgeAttempts: number;
  logger: Logger;
}

/**
 * The Run button: one run on custom input, streamed over the WebSocket like a submission.
 * Runs live only in Redis (live state with a TTL); nothing is written to the database.
 */
export class RunService {
  constructor(private readonly deps: RunServiceDeps) {}

  async create(user: TokenClaims, input: RunCreate): Promise<SubmissionView> {
    const { prisma, live, offeredLanguages, judgeQueue, runsInFlight } = this.deps;
    let limits = DEFAULT_RUN_LIMITS;
    let fn: FunctionRun | null = null;
    let interactive: { problemId: string; testsHash: string } | null = null;
    if (input.problem) {
      const problem = await prisma.problem.findUnique({
        where: { slug: input.problem },
        select: { id: true, published: true, timeLimitMs: true, memoryLimitKb: true, outputLimitKb: true, kind: true, signature: true, testsHash: true, checker: true },
      });
      if (!problem || !problem.published) throw notFound("problem");
      limits = Limits.parse(limitsOfRow(problem));
      if (problem.kind === "function") {
        const signature = Signature.parse(problem.signature);
        fn = { problemId: problem.id, testsHash: problem.testsHash, signature, cases: functionRunCases(signature, input.input) };
      }
      // The custom input becomes the interactor's input file; the worker takes the interactor from the bundle.
      if (CheckerSpec.safeParse(problem.checker).data?.kind === "interactor") interactive = { problemId: problem.id, testsHash: problem.testsHash };
    }
    const offered = await offeredLanguages.check(input.language);
    if (!offered.offered) {
      throw new ApiError("VALIDATION", `no judge offers the language "${input.language}" right now`, {
        offered: offered.languages.map((l) => l.id),
      });
    }
    if (fn !== null && input.problem) requireFunctionLanguage(input.language, input.problem, fn.signature);
    // Refused with 503 or 429 exactly as a submission would be; a run keeps its own priority.
    await this.deps.admission.admit(user.sub);

    const id = randomUUID();
    const view = queuedView({
      id,
      kind: "run",
      problem: input.problem ?? "",
      language: input.language,
      total: fn?.cases ?? 1,
      output: null,
      createdAt: new Date().toISOString(),
    });
    try {
      await runsInFlight.add(user.sub, id);
      await live.create(view, user.sub);
      await judgeQueue.add(
        "run",
        {
          v: 1,
          kind: "run",
          submissionId: id,
          language: input.language,
          code: input.code,
          input: input.input,
          limits,
          ...(fn ? { function: { problemId: fn.problemId, testsHash: fn.testsHash } } : {}),
          ...(interactive ? { interactive } : {}),
        },
        {
          jobId: id,
          priority: jobPriority.run,
          attempts: this.deps.judgeAttempts,
          backoff: { type: "exponential", delay: 500 },
          removeOnComplete: true,
          removeOnFail: { age: 3600 },
        },
      );
    } catch (err) {
      this.deps.logger.warn({ err, runId: id }, "enqueue of a run failed");
      await Promise.allSettled([live.remove(id), runsInFlight.remove(user.sub, id)]);
      throw new ApiError("UNAVAILABLE", "the judge queue is unavailable, try again shortly");
    }
    return view;
  }

  /** A run's current state, for its owner; runs expire with their live state. */
  async get(user: TokenClaims, id: string): Promise<SubmissionView> {
    const snapshot = await this.deps.live.snapshot(id);
    if (!snapshot || snapshot.view.kind !== "run") throw notFound("run");
    if (snapshot.ownerId !== user.sub && user.role !== "admin") throw notFound("run");
    return snapshot.view;
  }
}
