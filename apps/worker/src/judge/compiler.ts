import type { Logger } from "@judge/config";
import type { CompileStep } from "../languages/index.ts";
import type { RunLimits, Sandbox } from "../sandbox/sandbox.ts";
import type { SandboxOutcome } from "../sandbox/outcome.ts";
import { collectArtifacts } from "./collect-artifacts.ts";
import { ScratchDir } from "./scratch-dir.ts";

export type CompileResult =
  | { ok: true; files: string[] }
  | { ok: false; outcome: SandboxOutcome; message: string };

const because: Record<Exclude<SandboxOutcome, "ok">, string> = {
  "runtime-error": "",
  "time-limit": "compilation time limit exceeded\n",
  "memory-limit": "compilation memory limit exceeded\n",
  "output-limit": "compilation output limit exceeded\n",
};

/**
 * Compiles in the sandbox with a host scratch directory as /box (the only way artifacts come
 * out), copies what the language keeps into `dest`, and always removes the scratch.
 */
export async function compileInSandbox(options: {
  sandbox: Sandbox;
  workDir: string;
  files: Readonly<Record<string, string>>;
  step: CompileStep;
  limits: RunLimits;
  dest: string;
  logger: Logger;
}): Promise<CompileResult> {
  const { sandbox, step, limits } = options;
  // Disposed in reverse: the scratch (owned by the box's uid) is gone before the uid is released.
  await using user = await sandbox.claimUser();
  await using scratch = await ScratchDir.create(options.workDir, user.uid, user.gid, options.files);
  const result = await sandbox.run({
    user,
    argv: step.argv,
    env: { PATH: "/usr/bin:/bin", HOME: "/box", LANG: "C.UTF-8", ...step.env },
    stdin: "",
    scratch: { kind: "host", dir: scratch.path },
    binds: step.binds ?? [],
    limits: { ...limits, pids: step.pids ?? limits.pids },
  });
  const output = Buffer.concat([result.stderr, result.stdout]).toString("utf8");
  if (result.outcome !== "ok") {
    return { ok: false, outcome: result.outcome, message: `${because[result.outcome]}${output}` };
  }
  const files = await collectArtifacts(scratch.path, options.dest, step.keep);
  if (files.length === 0) return { ok: false, outcome: "runtime-error", message: `the compiler produced no program\n${output}` };
  options.logger.debug({ cpuMs: result.cpuMs, memoryKb: result.memoryKb, files }, "compiled");
  return { ok: true, files };
}
