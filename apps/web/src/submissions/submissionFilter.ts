import { LanguageId, Verdict } from "@judge/protocol";
import type { SubmissionFilter } from "../api/endpoints.ts";

export const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** The filter as it lives in the URL (?verdict=&language=&problem=). */
export function submissionFilterOf(params: URLSearchParams): SubmissionFilter {
  const filter: SubmissionFilter = {};
  const verdict = Verdict.safeParse(params.get("verdict"));
  if (verdict.success) filter.verdict = verdict.data;
  const language = LanguageId.safeParse(params.get("language"));
  if (language.success) filter.language = language.data;
  const problem = params.get("problem")?.trim().toLowerCase();
  if (problem && SLUG.test(problem)) filter.problem = problem;
  return filter;
}
