import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { runSpec } from "../src/judge/run-spec.ts";
import { PROG_DIR } from "../src/languages/index.ts";
import type { RunLimits } from "../src/sandbox/sandbox.ts";

const limits: RunLimits = {
  cpuMs: 1000,
  wallMs: 3000,
  memoryBytes: 256 * 2 ** 20,
  pids: 8,
  stdoutBytes: 1024,
  stderrBytes: 1024,
  stderrLimitBytes: 4096,
  fileBytes: 1024,
  tmpBytes: 1024,
  stackBytes: 1024,
  openFiles: 64,
};
const scratch = { kind: "tmpfs", bytes: 1024 } as const;
const jvm = { argv: ["/usr/bin/java", "Main"], env: { JAVA_TOOL_OPTIONS: "-Xss64m" }, binds: [{ host: "/opt/jdk", sandbox: "/opt/jdk" }], pids: 20 };

describe("runSpec", () => {
  test("a run of a program: /prog first, the caller's binds, then the step's; the runtime's pids on top", () => {
    const spec = runSpec({ step: jvm, programDir: "/cache/p1", binds: [{ host: "/work/check-1", sandbox: "/check" }], stdin: "1 2\n", scratch, limits });
    assert.deepEqual(spec.binds, [
      { host: "/cache/p1", sandbox: PROG_DIR },
      { host: "/work/check-1", sandbox: "/check" },
      { host: "/opt/jdk", sandbox: "/opt/jdk" },
    ]);
    assert.equal(spec.limits.pids, 28);
    assert.deepEqual(spec.argv, jvm.argv);
    assert.equal(spec.stdin, "1 2\n");
    assert.equal(spec.limits.cpuMs, 1000);
  });

  test("a compile: no /prog, and the step's pids are the compiler's whole count", () => {
    const spec = runSpec({ step: jvm, stdin: "", scratch: { kind: "host", dir: "/work/scratch-0" }, limits });
    assert.deepEqual(spec.binds, [{ host: "/opt/jdk", sandbox: "/opt/jdk" }]);
    assert.equal(spec.limits.pids, 20);
    assert.equal(runSpec({ step: { argv: ["/usr/bin/gcc"] }, stdin: "", scratch, limits }).limits.pids, 8);
  });

  test("the box's environment, which a step may add to or override", () => {
    const spec = runSpec({ step: { ...jvm, env: { ...jvm.env, HOME: "/tmp" } }, programDir: "/p", stdin: "", scratch, limits });
    assert.deepEqual(spec.env, { PATH: "/usr/bin:/bin", HOME: "/tmp", LANG: "C.UTF-8", JAVA_TOOL_OPTIONS: "-Xss64m" });
  });

  test("the caller's argv replaces the step's; optional parts are left out when not given", () => {
    const spec = runSpec({ step: jvm, programDir: "/p", argv: ["/bin/sh", "-c", "x"], stdin: "", scratch, limits });
    assert.deepEqual(spec.argv, ["/bin/sh", "-c", "x"]);
    assert.equal("stdout" in spec, false);
    assert.equal("results" in spec, false);
    assert.equal("user" in spec, false);
  });
});
