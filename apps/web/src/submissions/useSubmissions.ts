import type { SubmissionCreate, SubmissionView } from "@judge/protocol";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { createSubmission, fetchMySubmissions, fetchSubmission } from "../api/endpoints.ts";
import { sendIdempotent } from "../api/idempotent.ts";
import { queryKeys } from "../api/queryKeys.ts";
import { failedOnACase } from "../testcases/caseResults.ts";

export interface CreateSubmission {
  /** One intent: ignored while an earlier one has not been answered. */
  submit(body: SubmissionCreate): void;
  /** From the first click until the answer. */
  pending: boolean;
  error: unknown;
}

/**
 * Submit, once per intent: the guard is a ref because a second click (or key press) in the same
 * tick runs before any re-render could disable the button, and the mutation's own `isPending`
 * arrives later still; each intent's POST carries its own Idempotency-Key.
 */
export function useCreateSubmission(onAccepted: (id: string) => void): CreateSubmission {
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const { mutate, error } = useMutation({
    mutationFn: (body: SubmissionCreate) => sendIdempotent((key) => createSubmission(body, key)),
    onSuccess: ({ id }) => onAccepted(id),
    onSettled: () => {
      inFlight.current = false;
      setPending(false);
    },
  });
  const submit = useCallback(
    (body: SubmissionCreate) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setPending(true);
      mutate(body);
    },
    [mutate],
  );
  return { submit, pending, error };
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
 * the live state, which can already say `done` but has no `stats` for an accepted submission,
 * nor a function problem's failing case (`failure`, stored with the verdict, null or not).
 */
function isStored(view: SubmissionView | undefined, withFailure: boolean): boolean {
  if (view === undefined || view.status !== "done") return false;
  if (view.verdict === "AC") return view.stats != null;
  return !withFailure || !failedOnACase(view.verdict) || view.failure !== undefined;
}

/**
 * One GET of a submission; its live progress, if any, comes over the WebSocket. With
 * `untilStored`, the GET is repeated (bounded, backing off) until it comes from the stored,
 * judged row, which brings "faster than X%": a catch-up after the socket said "judged", not
 * polling for progress.
 */
export function useSubmission(
  id: string,
  {
    enabled = true,
    untilStored = false,
    withFailure = false,
  }: {
    enabled?: boolean;
    untilStored?: boolean;
    /** A failed submission is stored once its failing test is (null when the problem's policy shows none). */
    withFailure?: boolean;
  } = {},
) {
  return useQuery({
    enabled,
    queryKey: queryKeys.submission(id),
    queryFn: ({ signal }) => fetchSubmission(id, signal),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
    refetchInterval: (query) => (untilStored && !isStored(query.state.data, withFailure) ? storedRetryDelay(query.state.dataUpdateCount) : false),
  });
}
