import type { Difficulty, Verdict } from "@judge/protocol";

/** "12 ms"; null as a dash. */
export function formatTime(ms: number | null | undefined): string {
  return ms == null ? "—" : `${ms} ms`;
}

/** KiB to "512 KiB" or "3.4 MiB"; null as a dash. */
export function formatMemory(kib: number | null | undefined): string {
  if (kib == null) return "—";
  if (kib < 1024) return `${kib} KiB`;
  const mib = kib / 1024;
  return `${mib >= 100 || Number.isInteger(mib) ? Math.round(mib) : mib.toFixed(1)} MiB`;
}

/** A scoring problem's "30 / 100" (the score so far while running); null when the problem has no score. */
export function formatScore(view: { score?: number | null; maxScore?: number | null }): string | null {
  if (view.score == null) return null;
  const round = (n: number) => String(Math.round(n * 100) / 100);
  return view.maxScore == null ? round(view.score) : `${round(view.score)} / ${round(view.maxScore)}`;
}

export function formatPercent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** "3 minutes ago" for recent times, a date otherwise. */
export function formatWhen(iso: string, now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now) / 1000);
  if (Math.abs(seconds) < 60) return relative.format(seconds, "second");
  if (Math.abs(seconds) < 3600) return relative.format(Math.round(seconds / 60), "minute");
  if (Math.abs(seconds) < 86_400) return relative.format(Math.round(seconds / 3600), "hour");
  return absolute.format(then);
}

export function formatAbsolute(iso: string): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? iso : absolute.format(then);
}

export const difficultyLabel: Record<Difficulty, string> = { easy: "Easy", medium: "Medium", hard: "Hard" };

/** Colour family of a verdict: success, a wrong result, a limit hit, or nobody's fault. */
export type VerdictTone = "good" | "bad" | "limit" | "neutral";

export const verdictTone: Record<Verdict, VerdictTone> = {
  AC: "good",
  WA: "bad",
  RE: "bad",
  CE: "limit",
  TLE: "limit",
  MLE: "limit",
  OLE: "limit",
  IE: "neutral",
};
