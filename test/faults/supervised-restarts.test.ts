import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { describe, it } from "vitest";
import { supervise, type RunningChild } from "../../scripts/stack/supervised.ts";
import { eventually } from "../support/eventually.ts";

/** A real process running `script`, as the supervisor sees it. */
function nodeChild(script: string): Promise<RunningChild> {
  const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("spawn", () =>
      resolve({
        pid: child.pid!,
        exited,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          return exited;
        },
      }),
    );
  });
}

/** Restart delays as the supervisor logged them, in order. */
const delaysIn = (lines: string[]) => lines.flatMap((line) => /restarting in (.+)$/.exec(line)?.[1] ?? []);

describe("faults: the supervisor's restarts", () => {
  it("a child that keeps crashing is restarted with doubling delays up to the cap, each exit and restart logged with its reason", async () => {
    const lines: string[] = [];
    const crash = "process.exit(3)";
    const supervised = supervise(await nodeChild(crash), {
      name: "crasher",
      restart: () => nodeChild(crash),
      log: (line) => lines.push(line),
      backoff: { initialMs: 20, maxMs: 160, stableMs: 60_000 },
    });
    try {
      await eventually("six exits", () => lines.filter((l) => l.includes("exited")).length >= 6);
    } finally {
      await supervised.stop();
    }
    assert.deepEqual(delaysIn(lines).slice(0, 6), ["20 ms", "40 ms", "80 ms", "160 ms", "160 ms", "160 ms"]);
    assert.ok(lines.filter((l) => l.includes("exited")).every((l) => l.startsWith("crasher exited (exit code 3)")), lines.join("\n"));
    assert.match(lines.find((l) => l.includes("restarted")) ?? "", /^crasher restarted \(pid \d+\)$/);
  });

  it("the delay starts over once a child has stayed up; a kill is reported by its signal; stop() ends the child for good", async () => {
    const lines: string[] = [];
    // Up for 300 ms, longer than stableMs: each run counts as a stable one.
    const stable = "setTimeout(() => process.kill(process.pid, 'SIGKILL'), 300)";
    const supervised = supervise(await nodeChild(stable), {
      name: "stable",
      restart: () => nodeChild(stable),
      log: (line) => lines.push(line),
      backoff: { initialMs: 20, maxMs: 160, stableMs: 100 },
    });
    let last = 0;
    try {
      await eventually("three exits", () => lines.filter((l) => l.includes("exited")).length >= 3);
      last = supervised.pid ?? 0;
    } finally {
      await supervised.stop();
    }
    assert.deepEqual(delaysIn(lines).slice(0, 3), ["20 ms", "20 ms", "20 ms"]);
    assert.match(lines[0] ?? "", /^stable exited \(signal SIGKILL\)/);
    assert.equal(supervised.pid, null);
    if (last) assert.throws(() => process.kill(last, 0), { code: "ESRCH" }, "stop() left no child running");
  });
});
