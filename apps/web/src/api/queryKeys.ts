import type { DistributionSampleQuery, LanguageId } from "@judge/protocol";
import type { ProblemFilter, SubmissionFilter } from "./endpoints.ts";

/** Every TanStack Query key in one place, so invalidation cannot miss a spelling. */
export const queryKeys = {
  me: ["me"] as const,
  languages: ["languages"] as const,
  editorSettings: (userId: string) => ["me", "editor-settings", userId] as const,
  problems: ["problems"] as const,
  problemList: (filter: ProblemFilter) => ["problems", "list", filter] as const,
  problem: (slug: string) => ["problems", "detail", slug] as const,
  mySubmissions: (problem: string) => ["submissions", "mine", problem] as const,
  submission: (id: string) => ["submissions", "one", id] as const,
  allSubmissions: (filter: SubmissionFilter) => ["submissions", "all", filter] as const,
  distribution: (problem: string, language: LanguageId) => ["distribution", problem, language] as const,
  distributionSample: (problem: string, sample: DistributionSampleQuery) => ["distribution", problem, "sample", sample] as const,
  profile: (username: string) => ["profile", username] as const,
};
