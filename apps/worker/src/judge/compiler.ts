import { statfs } from "node:fs/promises";
import type { Logger } from "@judge/config";
import type { CompileStep } from "../languages/index.ts";
import type { RunLimits, Sandbox } from "../sandbox/sandbox.ts";
import type { SandboxOutcome } from "../sandbox/outcome.ts";
import { collectArtifacts } from "./collect-artifacts.ts";
import { runSpec } from "./run-spec.ts";
import type { ScratchMounts } from "./scratch-mounts.ts";

export type CompileResult =
  | { ok: true; files: string[]; bytes: number }
  | { ok: false; outcome: SandboxOutcome; message: string };

const because: Record<Exclude<SandboxOutcome, "ok">, string> = {
  "runtime-error": "",
  "time-limit": "compilation time limit exceeded\n",
  "memory-limit": "compilation memory limit exceeded\n",
  "output-limit": "compilation output limit exceeded\n",
};

const MiB = 2 ** 20;

/**
 * Compiles in the sandbox with a size-bounded tmpfs as /box (the only way artifacts come out),
 * copies what the language keeps into `dest` unless it is bigger than `maxArtifactBytes`, and
 * always empties the scratch.
 */
export async function compileInSandbox(options: {
  sandbox: Sandbox;
  scratch: ScratchMounts;
  files: Readonly<Record<string, string>>;
  step: CompileStep;
  limits: RunLimits;
  dest: string;
  maxArtifactBytes: number;
  logger: Logger;
}): Promise<CompileResult> {
  const { sandbox, step, limits } = options;
  // Disposed in reverse: the scratch (owned by the box's uid) is emptied before the uid is released.
  await using user = await sandbox.claimUser();
  await using scratch = await options.scratch.acquire(user.uid, user.gid, options.files);
  const result = await sandbox.run(runSpec({ step, user, stdin: "", scratch: { kind: "host", dir: scratch.path }, limits }));
  const output = Buffer.concat([result.stderr, result.stdout]).toString("utf8");
  if (result.outcome !== "ok") {
    return { ok: false, outcome: result.outcome, message: `${because[result.outcome]}${output}` };
  }
  const collected = await collectArtifacts(scratch.path, options.dest, step.keep, options.maxArtifactBytes);
  if (!collected.ok) {
    // Not cached and not run: a program this big would cost its size again on every judging of it.
    const size = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
    return {
      ok: false,
      outcome: "output-limit",
      message: `the compiled program is ${size(collected.bytes)}, more than the ${size(options.maxArtifactBytes)} the judge allows\n${output}`,
    };
  }
  if (collected.files.length === 0) return { ok: false, outcome: "runtime-error", message: `the compiler produced no program\n${output}` };
  // What /box held at the end, to size COMPILE_SCRATCH_BYTES from real compiles.
  const fs = await statfs(scratch.path);
  const scratchKb = ((fs.blocks - fs.bfree) * fs.bsize) / 1024;
  options.logger.debug({ cpuMs: result.cpuMs, memoryKb: result.memoryKb, scratchKb, files: collected.files, bytes: collected.bytes }, "compiled");
  return { ok: true, files: collected.files, bytes: collected.bytes };
}
