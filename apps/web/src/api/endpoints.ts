import {
  AuthResponse,
  Distribution,
  DistributionSample,
  EditorSettingsResponse,
  LanguageInfo,
  MeResponse,
  ProblemDetail,
  ProblemPage,
  SubmissionAccepted,
  SubmissionPage,
  SubmissionView,
  UserProfile,
  type Credentials,
  type DistributionSampleQuery,
  type LanguageId,
  type ProblemSort,
  type ProblemStatus,
  type Verdict,
  type EditorSettings,
  type User,
  type Difficulty,
  type RunCreate,
  type SubmissionCreate,
} from "@judge/protocol";
import { z } from "zod";
import { isApiError } from "./ApiError.ts";
import { requestJson, requestVoid } from "./http.ts";
import { IDEMPOTENCY_HEADER } from "./idempotent.ts";

export interface ProblemFilter {
  q?: string;
  difficulty?: Difficulty;
  tag?: string;
  /** The signed-in user's: solved, attempted, todo. */
  status?: ProblemStatus;
  sort?: ProblemSort;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The signed-in user, or null when nobody is. */
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  try {
    return (await requestJson("/api/me", MeResponse, signal ? { signal } : {})).user;
  } catch (error) {
    if (isApiError(error, "UNAUTHORIZED")) return null;
    throw error;
  }
}

export function login(credentials: Credentials): Promise<AuthResponse> {
  return requestJson("/api/auth/login", AuthResponse, { method: "POST", body: credentials });
}

export function register(credentials: Credentials): Promise<AuthResponse> {
  return requestJson("/api/auth/register", AuthResponse, { method: "POST", body: credentials });
}

export function logout(): Promise<void> {
  return requestVoid("/api/auth/logout", { method: "POST" });
}

/** The account's editor settings (null until saved once). */
export function fetchEditorSettings(signal?: AbortSignal): Promise<EditorSettingsResponse> {
  return requestJson("/api/me/editor-settings", EditorSettingsResponse, signal ? { signal } : {});
}

export function saveEditorSettingsToAccount(settings: EditorSettings): Promise<EditorSettingsResponse> {
  return requestJson("/api/me/editor-settings", EditorSettingsResponse, { method: "PUT", body: settings });
}

export function fetchLanguages(signal?: AbortSignal): Promise<LanguageInfo[]> {
  return requestJson("/api/languages", z.array(LanguageInfo), signal ? { signal } : {});
}

export const PROBLEM_PAGE_SIZE = 50;

export function fetchProblems(filter: ProblemFilter, cursor: string | null, signal?: AbortSignal): Promise<ProblemPage> {
  const path = `/api/problems${query({
    cursor: cursor ?? undefined,
    limit: String(PROBLEM_PAGE_SIZE),
    difficulty: filter.difficulty,
    tag: filter.tag,
    q: filter.q,
    status: filter.status,
    sort: filter.sort,
  })}`;
  return requestJson(path, ProblemPage, signal ? { signal } : {});
}

export function fetchProblem(slug: string, signal?: AbortSignal): Promise<ProblemDetail> {
  return requestJson(`/api/problems/${encodeURIComponent(slug)}`, ProblemDetail, signal ? { signal } : {});
}

/** `idempotencyKey`: one per user intent, the same for each retry of it (see idempotent.ts). */
export function createSubmission(body: SubmissionCreate, idempotencyKey: string): Promise<SubmissionAccepted> {
  return requestJson("/api/submissions", SubmissionAccepted, { method: "POST", body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } });
}

/** The Run button: one run on custom input; its progress and output stream like a submission's. */
export function createRun(body: RunCreate, idempotencyKey: string): Promise<SubmissionAccepted> {
  return requestJson("/api/runs", SubmissionAccepted, { method: "POST", body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } });
}

export function fetchSubmission(id: string, signal?: AbortSignal): Promise<SubmissionView> {
  return requestJson(`/api/submissions/${encodeURIComponent(id)}`, SubmissionView, signal ? { signal } : {});
}

export function fetchMySubmissions(problem: string, cursor: string | null, signal?: AbortSignal): Promise<SubmissionPage> {
  const path = `/api/submissions${query({ problem, mine: "1", cursor: cursor ?? undefined })}`;
  return requestJson(path, SubmissionPage, signal ? { signal } : {});
}

/** `/submissions`: the signed-in user's submissions across problems. */
export interface SubmissionFilter {
  verdict?: Verdict;
  language?: LanguageId;
  problem?: string;
}

export function fetchSubmissions(filter: SubmissionFilter, cursor: string | null, signal?: AbortSignal): Promise<SubmissionPage> {
  const path = `/api/submissions${query({ mine: "1", ...filter, cursor: cursor ?? undefined })}`;
  return requestJson(path, SubmissionPage, signal ? { signal } : {});
}

export function fetchDistribution(problem: string, language: LanguageId, signal?: AbortSignal): Promise<Distribution> {
  const path = `/api/problems/${encodeURIComponent(problem)}/distribution${query({ language })}`;
  return requestJson(path, Distribution, signal ? { signal } : {});
}

export function fetchDistributionSample(problem: string, sample: DistributionSampleQuery, signal?: AbortSignal): Promise<DistributionSample> {
  const path = `/api/problems/${encodeURIComponent(problem)}/distribution/sample${query({
    language: sample.language,
    metric: sample.metric,
    from: String(sample.from),
    to: String(sample.to),
  })}`;
  return requestJson(path, DistributionSample, signal ? { signal } : {});
}

export function fetchProfile(username: string, signal?: AbortSignal): Promise<UserProfile> {
  return requestJson(`/api/users/${encodeURIComponent(username)}/profile`, UserProfile, signal ? { signal } : {});
}
