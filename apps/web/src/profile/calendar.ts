import type { UserProfile } from "@judge/protocol";

const DAY_MS = 86_400_000;

/** 0 for none, then 1–4 by count: GitHub's and LeetCode's steps. */
export function levelOf(count: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0) return 0;
  if (count <= 1) return 1;
  if (count <= 3) return 2;
  if (count <= 6) return 3;
  return 4;
}

interface Cell {
  date: string;
  count: number;
  /** Grid placement: week column and weekday row (Sunday first), both 1-based. */
  column: number;
  row: number;
}

/** One cell per UTC day from `since` to today, in week columns that start on Sunday. */
export function calendarCells(profile: Pick<UserProfile, "since" | "days">, today = new Date()): Cell[] {
  const counts = new Map(profile.days.map((d) => [d.date, d.count]));
  const start = Date.parse(`${profile.since}T00:00:00Z`);
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const offset = new Date(start).getUTCDay();
  const cells: Cell[] = [];
  for (let t = start, i = offset; t <= end; t += DAY_MS, i++) {
    const date = new Date(t).toISOString().slice(0, 10);
    cells.push({ date, count: counts.get(date) ?? 0, column: Math.floor(i / 7) + 1, row: (i % 7) + 1 });
  }
  return cells;
}
