import { randomUUID } from "node:crypto";
import type { Queue } from "bullmq";
import type { Logger } from "@judge/config";
import { type Prisma, type PrismaClient, testBundleOf } from "@judge/db";
import type { LiveState } from "@judge/live-state";
import {
  GENEROUS_TIME_LIMIT_MS,
  LanguageId,
  ProblemInput,
  calibratedTimeLimitMs,
  jobPriority,
  mainSourceOf,
  queuedView,
  type JudgeJob,
  type JudgeResult,
  type TokenClaims,
} from "@judge/protocol";
import { ApiError, notFound } from "../http/api-error.ts";
import { enqueueJudgings, type JudgingToEnqueue } from "../submissions/judge-enqueue.ts";

export interface PackageVerificationDeps {
  prisma: PrismaClient;
  live: LiveState;
  judgeQueue: Queue<JudgeJob>;
  judgeAttempts: number;
  logger: Logger;
}

export type TimeCalibration = NonNullable<ProblemInput["timeCalibration"]>;

/** A stored `time_calibration` column, parsed; null when the problem's limit is fixed. */
export function calibrationOf(column: unknown): TimeCalibration | null {
  if (column === null || column === undefined) return null;
  return ProblemInput.shape.timeCalibration.unwrap().parse(column);
}

type Tx = Prisma.TransactionClient;

interface Made extends JudgingToEnqueue {
  ownerId: string;
  slug: string;
  createdAt: Date;
}

/**
 * Judges a package's own submissions (package_submissions) as real submissions through the
 * normal queue: admin-owned, origin `package` (so they never count in anyone's statistics), at
 * rejudge priority. A problem with a time calibration goes in two phases, its state in
 * problem_verifications: its accepted submissions first, under the Limits' maximum time; when
 * the last of them is stored, the time limit becomes their largest CPU time × the multiplier
 * (rounded up to the resolution) and the others are judged under it. `advance` makes that
 * step; it is idempotent (a conditional update claims it once), so the result consumer, a
 * redelivered result and a report request may all call it.
 */
export class PackageVerification {
  constructor(private readonly deps: PackageVerificationDeps) {}

  /** Starts (or starts over) a verification of the problem's package submissions. */
  async start(slug: string, admin: TokenClaims): Promise<void> {
    const { prisma } = this.deps;
    const problem = await prisma.problem.findUnique({ where: { slug }, select: { id: true, timeCalibration: true } });
    if (!problem) throw notFound("problem");
    const calibration = calibrationOf(problem.timeCalibration);
    const made = await prisma.$transaction(
      async (tx) => {
        const judged = await tx.packageSubmission.findMany({ where: { problemId: problem.id, skipped: null, language: { not: null } } });
        if (judged.length === 0) throw new ApiError("CONFLICT", `problem "${slug}" has no package submissions this judge can run`);
        const accepted = judged.filter((s) => s.expected === "accepted");
        const calibrating = calibration !== null && accepted.length > 0;
        const phase = calibrating ? "calibrating" : "judging";
        await tx.packageSubmission.updateMany({ where: { problemId: problem.id }, data: { submissionId: null } });
        await tx.problemVerification.upsert({
          where: { problemId: problem.id },
          create: { problemId: problem.id, phase, ownerId: admin.sub },
          update: { phase, ownerId: admin.sub, calibrationMaxMs: null, startedAt: new Date() },
        });
        if (calibrating) await setTimeLimit(tx, problem.id, GENEROUS_TIME_LIMIT_MS);
        return createSubmissions(tx, problem.id, admin.sub, calibrating ? accepted : judged);
      },
      { timeout: 60_000 },
    );
    await this.enqueue(made);
  }

  /** A result was stored: when it is a verification's, its next phase may start. */
  async onResult(result: JudgeResult): Promise<void> {
    const owner = await this.deps.prisma.packageSubmission.findUnique({ where: { submissionId: result.submissionId }, select: { problemId: true } });
    if (owner) await this.advance(owner.problemId);
  }

  /** Ends calibration once every accepted submission is judged: sets the limit, judges the rest. */
  async advance(problemId: string): Promise<void> {
    const { prisma, logger } = this.deps;
    const verification = await prisma.problemVerification.findUnique({ where: { problemId } });
    if (verification?.phase !== "calibrating") return;
    const problem = await prisma.problem.findUniqueOrThrow({ where: { id: problemId }, select: { timeCalibration: true, timeLimitMs: true } });
    const calibration = calibrationOf(problem.timeCalibration);
    const accepted = await prisma.packageSubmission.findMany({
      where: { problemId, expected: "accepted", submissionId: { not: null } },
      select: { submission: { select: { status: true, verdict: true, timeMs: true } } },
    });
    const runs = accepted.flatMap((a) => (a.submission ? [a.submission] : []));
    if (runs.some((r) => r.status !== "done")) return;
    // Accepted ones set the limit; when none was accepted the verification fails anyway, and the
    // others are still judged under the slowest run seen, so the report shows everything.
    const counted = runs.some((r) => r.verdict === "AC") ? runs.filter((r) => r.verdict === "AC") : runs;
    const maxMs = Math.max(0, ...counted.map((r) => r.timeMs ?? 0));
    // A problem replaced meanwhile by one with a fixed limit keeps it; the rest are judged under it.
    const limitMs = calibration === null ? problem.timeLimitMs : calibratedTimeLimitMs(maxMs, calibration);
    const made = await prisma.$transaction(
      async (tx) => {
        const claimed = await tx.problemVerification.updateMany({
          where: { problemId, phase: "calibrating", startedAt: verification.startedAt },
          data: { phase: "judging", calibrationMaxMs: maxMs },
        });
        if (claimed.count === 0) return [];
        if (calibration !== null) await setTimeLimit(tx, problemId, limitMs);
        logger.info({ problemId, maxAcceptedMs: maxMs, timeLimitMs: limitMs }, "time limit calibrated");
        const rest = await tx.packageSubmission.findMany({ where: { problemId, skipped: null, language: { not: null }, expected: { not: "accepted" } } });
        return createSubmissions(tx, problemId, verification.ownerId, rest);
      },
      { timeout: 60_000 },
    );
    await this.enqueue(made);
  }

  /**
   * Live state, then the jobs. The rows are already stored, so a failure here is logged and left
   * to the reconciler, which enqueues any submission left queued.
   */
  private async enqueue(made: Made[]): Promise<void> {
    if (made.length === 0) return;
    try {
      for (const m of made) {
        await this.deps.live.create(queuedView({ id: m.submissionId, problem: m.slug, language: m.language, createdAt: m.createdAt.toISOString() }), m.ownerId);
      }
      await enqueueJudgings(this.deps.judgeQueue, made, this.deps.judgeAttempts);
    } catch (err) {
      this.deps.logger.warn({ err, count: made.length }, "enqueueing a verification failed; the reconciler enqueues it");
    }
  }
}

/** Sets the problem's time limit and, with it, the hash its workers fetch the tests by. */
async function setTimeLimit(tx: Tx, problemId: string, timeLimitMs: number): Promise<void> {
  const row = await tx.problem.findUniqueOrThrow({ where: { id: problemId }, include: { tests: true } });
  const { hash } = testBundleOf({ ...row, timeLimitMs });
  await tx.problem.update({ where: { id: problemId }, data: { timeLimitMs, testsHash: hash } });
}

/** One queued submission (origin `package`, owned by `ownerId`) per package submission, linked to it. */
async function createSubmissions(
  tx: Tx,
  problemId: string,
  ownerId: string,
  rows: readonly { id: string; language: string | null; files: unknown }[],
): Promise<Made[]> {
  const problem = await tx.problem.findUniqueOrThrow({ where: { id: problemId }, select: { slug: true, testsHash: true } });
  const made: Made[] = [];
  for (const row of rows) {
    const id = randomUUID();
    const createdAt = new Date();
    const language = LanguageId.parse(row.language);
    const { code, files } = programOf(language, row.files);
    const stored = files === undefined ? {} : { files: Object.entries(files).map(([name, content]) => ({ name, content })) };
    await tx.submission.create({ data: { id, userId: ownerId, problemId, language, code, ...stored, origin: "package", status: "queued", createdAt } });
    await tx.packageSubmission.update({ where: { id: row.id }, data: { submissionId: id } });
    made.push({ submissionId: id, judging: 1, language, code, ...(files === undefined ? {} : { files }), problemId, testsHash: problem.testsHash, priority: jobPriority.rejudge, ownerId, slug: problem.slug, createdAt });
  }
  return made;
}

/**
 * A package submission as a submission's body: one file as `code`; a folder as `files` with the
 * main file as `code`, as submission-service.ts stores a multi-file submission.
 */
function programOf(language: LanguageId, stored: unknown): { code: string; files?: Record<string, string> } {
  const files = stored as Record<string, string>;
  const contents = Object.values(files);
  if (contents.length === 1) return { code: contents[0]! };
  return { code: mainSourceOf(language, files), files };
}
