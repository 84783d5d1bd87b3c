import { Difficulty, ProblemSort, ProblemStatus } from "@judge/protocol";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { fetchProblem, fetchProblems, type ProblemFilter } from "../api/endpoints.ts";
import { queryKeys } from "../api/queryKeys.ts";

/** The list's filter as it lives in the URL (?q=&difficulty=&tag=&status=&sort=). */
export function filterFromParams(params: URLSearchParams): ProblemFilter {
  const filter: ProblemFilter = {};
  const q = params.get("q")?.trim();
  if (q) filter.q = q;
  const difficulty = Difficulty.safeParse(params.get("difficulty"));
  if (difficulty.success) filter.difficulty = difficulty.data;
  const tag = params.get("tag")?.trim();
  if (tag) filter.tag = tag;
  const status = ProblemStatus.safeParse(params.get("status"));
  if (status.success) filter.status = status.data;
  const sort = ProblemSort.safeParse(params.get("sort"));
  if (sort.success) filter.sort = sort.data;
  return filter;
}

export function useProblemList(filter: ProblemFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.problemList(filter),
    queryFn: ({ pageParam, signal }) => fetchProblems(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useProblem(slug: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: queryKeys.problem(slug),
    queryFn: ({ signal }) => fetchProblem(slug, signal),
    staleTime: 60_000,
  });
}
