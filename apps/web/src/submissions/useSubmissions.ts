import type { SubmissionCreate } from "@judge/protocol";
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

/** A verdict on the socket can beat the API's write of it by a moment: a few retries, then give up. */
const STORED_RETRY_MS = 400;
const STORED_RETRIES = 8;

/**
 * One GET of a submission; its live progress, if any, comes over the WebSocket. With
 * `untilStored`, the GET is repeated a few times while the stored row is not judged yet
 * (the socket already said it is): a bounded catch-up, not polling for progress.
 */
export function useSubmission(id: string, { enabled = true, untilStored = false }: { enabled?: boolean; untilStored?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: queryKeys.submission(id),
    queryFn: ({ signal }) => fetchSubmission(id, signal),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
    refetchInterval: (query) =>
      untilStored && query.state.data?.status !== "done" && query.state.dataUpdateCount < STORED_RETRIES ? STORED_RETRY_MS : false,
  });
}
