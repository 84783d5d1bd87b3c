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

/** One GET of a submission; its live progress, if any, comes over the WebSocket. */
export function useSubmission(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: queryKeys.submission(id),
    queryFn: ({ signal }) => fetchSubmission(id, signal),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}
