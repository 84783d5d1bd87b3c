import type { SubmissionCreate, SubmissionView } from "@judge/protocol";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { createSubmission, fetchMySubmissions, fetchSubmission } from "../api/endpoints.ts";
import { queryKeys } from "../api/queryKeys.ts";

export function useCreateSubmission(onAccepted: (id: string) => void) {
  return useMutation({
    mutationFn: (body: SubmissionCreate) => createSubmission(body),
    onSuccess: ({ id }) => onAccepted(id),
  });
}

export function useMySubmissions(problem: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.mySubmissions(problem),
    queryFn: ({ pageParam, signal }) => fetchMySubmissions(problem, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/**
 * A verdict on the socket can beat the API's write of it (by far more than a moment on a loaded
 * machine): retry with a doubling delay, 250 ms up to 4 s, for about a minute, then give up.
 */
function storedRetryDelay(attempt: number): number | false {
  return attempt >= 18 ? false : Math.min(250 * 2 ** attempt, 4000);
}

/**
 * Whether the API answered from the stored row: until the verdict is written, it answers from
 * the live state, which can already say `done` but has no `stats` for an accepted submission.
 */
function isStored(view: SubmissionView | undefined): boolean {
  if (view === undefined || view.status !== "done") return false;
  return view.verdict !== "AC" || view.stats != null;
}

/**
 * One GET of a submission; its live progress, if any, comes over the WebSocket. With
 * `untilStored`, the GET is repeated (bounded, backing off) until it comes from the stored,
 * judged row, which brings "faster than X%": a catch-up after the socket said "judged", not
 * polling for progress.
 */
export function useSubmission(id: string, { enabled = true, untilStored = false }: { enabled?: boolean; untilStored?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: queryKeys.submission(id),
    queryFn: ({ signal }) => fetchSubmission(id, signal),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
    refetchInterval: (query) => (untilStored && !isStored(query.state.data) ? storedRetryDelay(query.state.dataUpdateCount) : false),
  });
}
