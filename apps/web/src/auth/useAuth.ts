import type { Credentials, User } from "@judge/protocol";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchMe, login, logout, register } from "../api/endpoints.ts";
import { queryKeys } from "../api/queryKeys.ts";

/** The signed-in user: `undefined` while unknown, `null` when signed out (or the API cannot say). */
export function useCurrentUser(): User | null | undefined {
  const { data, isError } = useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });
  // Not `data ?? …`: a signed-out `null` is an answer, not a missing one.
  if (data !== undefined) return data;
  return isError ? null : undefined;
}

/** Sign-in and sign-up: on success the user is cached and per-user data refetched. */
export function useAuthMutation(mode: "login" | "register") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => (mode === "login" ? login(credentials) : register(credentials)),
    onSuccess: async ({ user }) => {
      client.setQueryData(queryKeys.me, user);
      await client.invalidateQueries({ queryKey: queryKeys.problems });
      client.removeQueries({ queryKey: ["submissions"] });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: async () => {
      client.setQueryData(queryKeys.me, null);
      client.removeQueries({ queryKey: ["submissions"] });
      await client.invalidateQueries({ queryKey: queryKeys.problems });
    },
  });
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/problems";
  return next;
}
