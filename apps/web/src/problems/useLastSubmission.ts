import { useCallback, useState } from "react";

const key = (problem: string) => `judge:last-submission:${problem}`;

function read(problem: string): string | null {
  try {
    return window.sessionStorage.getItem(key(problem));
  } catch {
    return null;
  }
}

/**
 * The submission the verdict panel follows on this problem, kept for the tab's session so a
 * reload picks the live stream up again (the notifier sends a snapshot on subscribe).
 */
export function useLastSubmission(problem: string): [string | null, (id: string) => void] {
  const [id, setId] = useState(() => read(problem));
  const set = useCallback(
    (next: string) => {
      setId(next);
      try {
        window.sessionStorage.setItem(key(problem), next);
      } catch {
        // Kept in memory only.
      }
    },
    [problem],
  );
  return [id, set];
}
