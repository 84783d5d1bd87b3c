import { z } from "zod";
import { LanguageId } from "./languages.ts";
import { Difficulty } from "./problem.ts";

/** A distribution's metric: CPU time (ms) or peak memory (KiB), as a submission measures them. */
export const DistributionMetric = z.enum(["runtime", "memory"]);
export type DistributionMetric = z.infer<typeof DistributionMetric>;

/** One bar: the accepted submissions whose value is in [from, to). */
export const DistributionBucket = z.object({
  from: z.number().int(),
  to: z.number().int(),
  count: z.number().int().min(0),
});
export type DistributionBucket = z.infer<typeof DistributionBucket>;

/**
 * `GET /api/problems/:slug/distribution?language=`: people's accepted submissions of a problem
 * in one language, counted per runtime bucket (ms) and per memory bucket (KiB), buckets of equal
 * width from the smallest value up, in order. Empty arrays when nothing is accepted yet.
 */
export const Distribution = z.object({
  problem: z.string(),
  language: LanguageId,
  accepted: z.number().int().min(0),
  runtime: z.array(DistributionBucket),
  memory: z.array(DistributionBucket),
});
export type Distribution = z.infer<typeof Distribution>;

/** `GET /api/problems/:slug/distribution/sample?language=&metric=&from=&to=`: a query. */
export const DistributionSampleQuery = z.object({
  language: LanguageId,
  metric: DistributionMetric,
  from: z.coerce.number().int().min(0),
  to: z.coerce.number().int().min(1),
});
export type DistributionSampleQuery = z.infer<typeof DistributionSampleQuery>;

/**
 * One accepted submission in a bucket, code included: only for a viewer who has solved the
 * problem (403 otherwise), never a package's own submission.
 */
export const DistributionSample = z.object({
  id: z.string(),
  language: LanguageId,
  timeMs: z.number().int().nullable(),
  memoryKb: z.number().int().nullable(),
  code: z.string(),
});
export type DistributionSample = z.infer<typeof DistributionSample>;

/** The problem list's status filter, for the signed-in user. */
export const ProblemStatus = z.enum(["solved", "attempted", "todo"]);
export type ProblemStatus = z.infer<typeof ProblemStatus>;

/** The problem list's orders besides the default (oldest first). */
export const ProblemSort = z.enum(["acceptance", "-acceptance", "difficulty", "-difficulty"]);
export type ProblemSort = z.infer<typeof ProblemSort>;

/** Per difficulty: how many problems. */
export const DifficultyCounts = z.record(Difficulty, z.number().int().min(0));
export type DifficultyCounts = z.infer<typeof DifficultyCounts>;

/** `GET /api/users/:username/profile` */
export const UserProfile = z.object({
  username: z.string(),
  joinedAt: z.string(),
  /** Published problems this user has solved, per difficulty. */
  solved: DifficultyCounts,
  /** Published problems, per difficulty (what "solved" is out of). */
  problems: DifficultyCounts,
  /** Submissions per UTC day over the last year ("YYYY-MM-DD"), days without any left out. */
  days: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), count: z.number().int().min(1) })),
  /** The first day the calendar covers (UTC), 364 days before today. */
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type UserProfile = z.infer<typeof UserProfile>;
