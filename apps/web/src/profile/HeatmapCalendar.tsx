import type { UserProfile } from "@judge/protocol";
import { useMemo } from "react";
import { calendarCells, levelOf } from "./calendar.ts";

const WEEKDAYS = ["Sun", "", "Tue", "", "Thu", "", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A year of submissions per day, as a grid of squares (CSS grid: one column a week). */
export function HeatmapCalendar({ profile }: { profile: UserProfile }) {
  const cells = useMemo(() => calendarCells(profile), [profile]);
  const total = profile.days.reduce((sum, d) => sum + d.count, 0);
  const weeks = cells.at(-1)?.column ?? 0;
  // A month's label over the first week column that starts in it.
  const months = cells.filter((c) => c.date.endsWith("-01")).map((c) => ({ column: c.column, label: MONTHS[Number(c.date.slice(5, 7)) - 1] }));
  return (
    <figure className="heatmap" data-testid="heatmap">
      <figcaption>
        <strong data-testid="heatmap-total">{total}</strong> submission{total === 1 ? "" : "s"} in the last year
      </figcaption>
      <div className="heatmap-scroll">
        <div className="heatmap-grid" style={{ gridTemplateColumns: `2rem repeat(${weeks}, var(--cell))` }}>
          {months.map((m) => (
            <span key={`${m.label}-${m.column}`} className="heatmap-month" style={{ gridColumn: m.column + 1, gridRow: 1 }} aria-hidden="true">
              {m.label}
            </span>
          ))}
          {WEEKDAYS.map((d, i) => (
            <span key={d || i} className="heatmap-weekday" style={{ gridColumn: 1, gridRow: i + 2 }} aria-hidden="true">
              {d}
            </span>
          ))}
          {cells.map((c) => (
            <span
              key={c.date}
              className={`heatmap-cell level-${levelOf(c.count)}`}
              style={{ gridColumn: c.column + 1, gridRow: c.row + 1 }}
              title={`${c.count} submission${c.count === 1 ? "" : "s"} on ${c.date}`}
              data-date={c.date}
              data-count={c.count}
            />
          ))}
        </div>
      </div>
    </figure>
  );
}
