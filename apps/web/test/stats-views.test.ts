import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { calendarCells, levelOf } from "../src/profile/calendar.ts";
import { bucketIndexOf } from "../src/stats/buckets.ts";
import { submissionFilterOf } from "../src/submissions/submissionFilter.ts";

describe("the statistics views' pure parts", () => {
  it("finds the bar a value falls in: [from, to), none outside", () => {
    const buckets = [
      { from: 10, to: 12, count: 1 },
      { from: 12, to: 14, count: 0 },
      { from: 14, to: 16, count: 2 },
    ];
    assert.equal(bucketIndexOf(buckets, 10), 0);
    assert.equal(bucketIndexOf(buckets, 12), 1, "a bar's upper bound belongs to the next");
    assert.equal(bucketIndexOf(buckets, 15), 2);
    assert.equal(bucketIndexOf(buckets, 16), -1);
    assert.equal(bucketIndexOf(buckets, null), -1);
  });

  it("lays out a year of days in Sunday-first week columns, with the counts on their days", () => {
    // 2026-12-02 is a Wednesday; the year starts on 2025-12-03, a Wednesday too.
    const cells = calendarCells({ since: "2025-12-03", days: [{ date: "2026-01-01", count: 3 }] }, new Date("2026-12-02T18:00:00Z"));
    assert.equal(cells.length, 365);
    assert.deepEqual(cells[0], { date: "2025-12-03", count: 0, column: 1, row: 4 });
    assert.deepEqual(cells.find((c) => c.date === "2025-12-07"), { date: "2025-12-07", count: 0, column: 2, row: 1 });
    assert.equal(cells.find((c) => c.date === "2026-01-01")?.count, 3);
    assert.deepEqual(cells.at(-1), { date: "2026-12-02", count: 0, column: 53, row: 4 });
    assert.deepEqual([0, 1, 2, 3, 5, 7, 50].map(levelOf), [0, 1, 2, 2, 3, 4, 4]);
  });

  it("reads the submissions filter from the URL, dropping what is not a verdict, language or slug", () => {
    assert.deepEqual(submissionFilterOf(new URLSearchParams("verdict=WA&language=c&problem=A-Plus-B")), { verdict: "WA", language: "c", problem: "a-plus-b" });
    assert.deepEqual(submissionFilterOf(new URLSearchParams("verdict=XX&language=cobol&problem=../x")), {});
  });
});
