import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { LineUsage, ResultChannel, RunLimits, RunResult, Sandbox } from "../src/sandbox/sandbox.ts";
import { boxProcesses, createTestSandbox, sandboxTestLimits } from "./judge-fixtures.ts";

const MiB = 2 ** 20;
const limits: RunLimits = { ...sandboxTestLimits, cpuMs: 20_000, wallMs: 40_000 };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

interface Seen {
  lines: string[];
  usages: LineUsage[];
}

function python(code: string, channel: Partial<ResultChannel> = {}): Promise<RunResult & Seen> {
  const lines: string[] = [];
  const usages: LineUsage[] = [];
  return sandbox
    .run({
      argv: ["/usr/bin/python3", "-c", code],
      env: { PATH: "/usr/bin:/bin", HOME: "/box" },
      stdin: "",
      scratch: { kind: "tmpfs", bytes: 16 * MiB },
      binds: [],
      limits,
      results: {
        limitBytes: MiB,
        lineCpuMs: 10_000,
        onLine: (line, usage) => {
          lines.push(line.toString("utf8"));
          usages.push(usage);
        },
        ...channel,
      },
    })
    .then((result) => ({ ...result, lines, usages }));
}

test("fd 3 is the results pipe, a real pipe that /dev/fd/3 opens, and no other descriptor leaks", async () => {
  const code = [
    "import os, stat",
    "fds = sorted(int(f) for f in os.listdir('/proc/self/fd'))",
    // Below 16: what the sandbox hands over (anything higher came from the test runner's own parent).
    "print([f for f in fds if f < 16 and os.path.exists(f'/proc/self/fd/{f}')])",
    "print(stat.S_ISFIFO(os.fstat(3).st_mode))",
    "os.write(3, b'one\\n')",
    "with open('/dev/fd/3', 'w') as f: f.write('two\\nthr')",
    "os.write(3, b'ee\\npartial')",
  ].join("\n");
  const result = await python(code);
  assert.equal(result.outcome, "ok", result.stderr.toString());
  const [fds, fifo] = result.stdout.toString().trim().split("\n");
  assert.equal(fds, "[0, 1, 2, 3]");
  assert.equal(fifo, "True");
  // The unterminated tail is not a line.
  assert.deepEqual(result.lines, ["one", "two", "three"]);
  assert.deepEqual(boxProcesses(), []);
});

test("each line comes with the cgroup's CPU time at that line, growing with the work between lines", async () => {
  const code = [
    "import os, time",
    "def burn(ms):",
    "    end = time.process_time() + ms / 1000",
    "    while time.process_time() < end: pass",
    "burn(50); os.write(3, b'a\\n')",
    "burn(400); os.write(3, b'b\\n')",
  ].join("\n");
  const result = await python(code);
  assert.deepEqual(result.lines, ["a", "b"]);
  const [a, b] = result.usages;
  assert.ok(a !== undefined && b !== undefined);
  assert.ok(b.cpuMs - a.cpuMs >= 350, JSON.stringify(result.usages));
  assert.ok(a.memoryKb > 0);
});

test("CPU past the per-line limit since the last line kills the box as time-limit", async () => {
  const code = "import os\nos.write(3, b'fast\\n')\nwhile True: pass\n";
  const result = await python(code, { lineCpuMs: 300 });
  assert.equal(result.outcome, "time-limit");
  assert.deepEqual(result.lines, ["fast"]);
  assert.ok(result.cpuMs - result.usages[0]!.cpuMs >= 300);
});

test("more bytes on fd 3 than the cap is output-limit", async () => {
  const result = await python("import os\nwhile True: os.write(3, b'x' * 65536 + b'\\n')\n", { limitBytes: 256 * 1024 });
  assert.equal(result.outcome, "output-limit");
  assert.ok(result.lines.length <= 4);
});

test("the caller stops the box early through its abort signal", async () => {
  const controller = new AbortController();
  const code = "import os\nos.write(3, b'1\\n')\nwhile True: pass\n";
  const result = await python(code, {
    signal: controller.signal,
    onLine: () => controller.abort(),
  });
  assert.equal(result.stopped, true);
  assert.ok(result.cpuMs < 10_000);
  assert.deepEqual(boxProcesses(), []);
});
