import { randomUUID } from "node:crypto";
import type { Queue } from "bullmq";
import type { Logger } from "@judge/config";
import type { PrismaClient } from "@judge/db";
import type { LiveState } from "@judge/live-state";
import {
  CaseReport,
  Signature,
  filesRecord,
  mainSourceOf,
  queuedView,
  utf8Length,
  type JudgeJob,
  type SubmissionCreate,
  type SubmissionView,
  type TokenClaims,
} from "@judge/protocol";
import { ApiError, notFound } from "../http/api-error.ts";
import type { Admission } from "../intake/admission.ts";
import type { OfferedLanguages } from "../intake/offered-languages.ts";
import type { PendingSubmissions } from "../intake/pending-submissions.ts";
import { requireFunctionLanguage } from "../problems/function-languages.ts";
import { StoredFiles, enqueueJudgings } from "./judge-enqueue.ts";
import { submissionStats } from "./submission-stats.ts";
import { submissionViewInclude, toSubmissionView } from "./submission-view.ts";
import { failureFor, mayReadPrivateParts, publicView } from "./submission-visibility.ts";

export interface SubmissionServiceDeps {
  prisma: PrismaClient;
  live: LiveState;
  offeredLanguages: OfferedLanguages;
  judgeQueue: Queue<JudgeJob>;
  admission: Admission;
  pendingSubmissions: PendingSubmissions;
  judgeAttempts: number;
  logger: Logger;
}

export interface CreateOptions {
  /**
   * Accept a problem that is not published yet: for an admin checking a package's own
   * submissions before publishing it. POST /api/submissions never sets it.
   */
  allowUnpublished?: boolean;
}

export class SubmissionService {
  constructor(private readonly deps: SubmissionServiceDeps) {}

  /**
   * Stores the submission, creates its live state and enqueues it (job id = submission id).
   * `input` is POST /api/submissions' body, parsed by `SubmissionCreate`: one `code`, or
   * several `files` (stored as they came; `code` then holds the main file, programEntry in
   * @judge/protocol). If Redis refuses either write the row is deleted again, so a failed
   * request leaves nothing half-made: the client gets a 503 and may retry.
   */
  async create(user: TokenClaims, input: SubmissionCreate, options: CreateOptions = {}): Promise<SubmissionView> {
    const { prisma, live, offeredLanguages, judgeQueue } = this.deps;
    // Three independent reads at once; their errors are still reported in this order.
    const [found, offering, admission] = await Promise.allSettled([
      prisma.problem.findUnique({
        where: { slug: input.problem },
        select: { id: true, slug: true, published: true, testsHash: true, kind: true, signature: true, codeLimitKb: true },
      }),
      offeredLanguages.check(input.language),
      this.deps.admission.admit(user.sub),
    ]);
    const problem = settled(found);
    if (!problem || (!problem.published && options.allowUnpublished !== true)) throw notFound("problem");
    const offered = settled(offering);
    if (!offered.offered) {
      throw new ApiError("VALIDATION", `no judge offers the language "${input.language}" right now`, {
        offered: offered.languages.map((l) => l.id),
      });
    }
    if (problem.kind === "function") {
      // The driver calls one class in one file (docs/function-problems.md).
      if (input.files !== undefined) throw new ApiError("VALIDATION", `${problem.slug} is a function problem: send your class as code, not files`);
      requireFunctionLanguage(input.language, problem.slug, Signature.parse(problem.signature));
    }
    // A package's `limits.code`, over every file; SubmissionCreate has already held it to MAX_CODE_BYTES.
    const bytes = input.files === undefined ? utf8Length(input.code ?? "") : input.files.reduce((sum, file) => sum + utf8Length(file.content), 0);
    if (problem.codeLimitKb !== null && bytes > problem.codeLimitKb * 1024) {
      throw new ApiError("VALIDATION", `code is over this problem's limit of ${problem.codeLimitKb} KiB`);
    }
    const { priority } = settled(admission);
    const program = programOf(input);

    const id = randomUUID();
    const createdAt = new Date();
    const view = queuedView({ id, problem: problem.slug, language: input.language, createdAt: createdAt.toISOString() });
    // The row, the live state and the pending entry are independent; all must exist before the
    // job does (the worker publishes to the one, the result consumer updates the other and
    // removes the entry; a concurrent admission counts it).
    const [inserted, livened, counted] = await Promise.allSettled([
      prisma.submission.create({
        data: { id, userId: user.sub, problemId: problem.id, language: input.language, code: program.code, ...(program.stored ? { files: program.stored } : {}), status: "queued", createdAt },
        select: { judging: true },
      }),
      live.create(view, user.sub),
      this.deps.pendingSubmissions.add(user.sub, id, createdAt.getTime()),
    ]);
    if (inserted.status === "rejected") {
      await Promise.allSettled([live.remove(id), this.deps.pendingSubmissions.remove(user.sub, id)]);
      throw inserted.reason;
    }
    const row = { id, judging: inserted.value.judging };
    try {
      if (livened.status === "rejected") throw livened.reason;
      if (counted.status === "rejected") throw counted.reason;
      await enqueueJudgings(
        judgeQueue,
        [
          {
            submissionId: row.id,
            judging: row.judging,
            language: input.language,
            code: program.code,
            ...(program.files ? { files: program.files } : {}),
            problemId: problem.id,
            testsHash: problem.testsHash,
            priority,
          },
        ],
        this.deps.judgeAttempts,
      );
    } catch (err) {
      this.deps.logger.warn({ err, submissionId: row.id }, "enqueue failed; removing the submission");
      await Promise.allSettled([
        prisma.submission.delete({ where: { id: row.id } }),
        live.remove(row.id),
        this.deps.pendingSubmissions.remove(user.sub, row.id),
      ]);
      throw new ApiError("UNAVAILABLE", "the judge queue is unavailable, try again shortly", undefined, 5);
    }
    return view;
  }

  /**
   * The stored view, with the live progress from Redis while the judge is still at work.
   * Anyone may read a verdict; only its owner and admins get the code and the compiler's
   * output, and the failing test, which quotes the user's output, as the problem's
   * `failureDetails` allows (submission-visibility.ts). An accepted one carries where it stands among the
   * accepted ones in its language.
   */
  async get(id: string, viewer: TokenClaims | undefined): Promise<SubmissionView> {
    const row = await this.deps.prisma.submission.findUnique({ where: { id }, include: submissionViewInclude });
    const mayRead = row !== null && mayReadPrivateParts(viewer, row.userId);
    if (!row || (!mayRead && !row.problem.published)) throw notFound("submission");
    const stored = toSubmissionView(row);
    const live = stored.status === "done" ? null : await this.deps.live.snapshot(id).catch(() => null);
    const view = live?.view ?? stored;
    const stats = row.status === "done" && row.verdict === "AC" ? await submissionStats(this.deps.prisma, row) : null;
    const failure = !mayRead
      ? null
      : await failureFor(row.failure === null ? null : CaseReport.parse(row.failure), viewer, row.problem.failureDetails, async (index) => {
          const test = await this.deps.prisma.testCase.findUnique({ where: { problemId_index: { problemId: row.problemId, index } }, select: { sample: true } });
          return test?.sample === true;
        });
    const files = StoredFiles.parse(row.files ?? null);
    const full: SubmissionView = {
      ...view,
      ...(stats ? { stats } : {}),
      code: row.code,
      ...(files ? { files } : {}),
      // Null once judged and stored, as the policy says or none: a client then knows there is no more to wait for.
      ...(failure ? { failure } : row.status === "done" ? { failure: null } : {}),
    };
    return mayRead ? full : publicView(full);
  }
}

/**
 * What is stored and judged of a submission's body: its `code`, or for `files` the main file's
 * content ("" when only compiling can tell, e.g. C++ where no file defines main) beside them.
 */
function programOf(input: SubmissionCreate): { code: string; stored?: SubmissionCreate["files"]; files?: Record<string, string> } {
  if (input.files === undefined) return { code: input.code ?? "" };
  const files = filesRecord(input.files);
  return { code: mainSourceOf(input.language, files), stored: input.files, files };
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === "rejected") throw result.reason;
  return result.value;
}
