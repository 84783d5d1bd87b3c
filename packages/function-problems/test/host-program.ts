import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LanguageId, Signature } from "@judge/protocol";
import { boxInput, functionLanguages } from "../src/index.ts";

/**
 * A function program run on this machine's own toolchain, unsandboxed, the way the worker runs
 * it (stdin in the box format, results read from fd 3): the drivers' tests without the judge.
 */

const NODE = "/usr/bin/node";
const TYPESCRIPT = "/usr/share/nodejs/typescript";
const interpreters: Partial<Record<LanguageId, { binary: string; args: (main: string) => string[] }>> = {
  javascript: { binary: NODE, args: (main) => [main] },
  typescript: { binary: NODE, args: (main) => ["--enable-source-maps", main.replace(/\.ts$/, ".js")] },
  ruby: { binary: "/usr/bin/ruby", args: (main) => [main] },
  php: { binary: "/usr/bin/php", args: (main) => ["-n", "-d", "display_errors=stderr", main] },
};

export function hostHas(language: LanguageId): boolean {
  const binary = interpreters[language]?.binary;
  return binary !== undefined && existsSync(binary) && (language !== "typescript" || existsSync(`${TYPESCRIPT}/package.json`));
}

export interface HostRun {
  /** one compact JSON line per answered case, from fd 3 */
  results: string[];
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

/** The boundary the runs below write after each case. */
export const BOUNDARY = "b0undary";

export async function runOnHost(language: LanguageId, signature: Signature, code: string, cases: readonly string[]): Promise<HostRun> {
  const program = functionLanguages[language]!.program(signature, code);
  const dir = await mkdtemp(join(tmpdir(), "function-host-"));
  try {
    for (const [name, text] of Object.entries(program.files)) await writeFile(join(dir, name), text);
    const main = join(dir, program.main);
    if (language === "typescript") await writeFile(main.replace(/\.ts$/, ".js"), transpile(program.files[program.main]!));
    const interpreter = interpreters[language]!;
    return await run(interpreter.binary, interpreter.args(main), boxInput(signature, cases, BOUNDARY));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The worker's TypeScript compile (transpile only, the source map inline), done in-process. */
function transpile(source: string): string {
  const ts = createRequire(import.meta.url)(TYPESCRIPT);
  return ts.transpileModule(source, {
    fileName: "main.ts",
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, inlineSourceMap: true, inlineSources: true },
  }).outputText;
}

function run(binary: string, args: string[], input: Buffer): Promise<HostRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ["pipe", "pipe", "pipe", "pipe"] });
    const chunks: Record<"stdout" | "stderr" | "results", Buffer[]> = { stdout: [], stderr: [], results: [] };
    child.stdout!.on("data", (b: Buffer) => chunks.stdout.push(b));
    child.stderr!.on("data", (b: Buffer) => chunks.stderr.push(b));
    (child.stdio[3] as NodeJS.ReadableStream).on("data", (b: Buffer) => chunks.results.push(b));
    child.stdin!.on("error", () => {});
    child.stdin!.end(input);
    child.on("error", reject);
    child.on("close", (exitCode) => {
      const results = Buffer.concat(chunks.results).toString("utf8").split("\n");
      results.pop();
      resolve({ results, stdout: Buffer.concat(chunks.stdout).toString("utf8"), stderr: Buffer.concat(chunks.stderr).toString("utf8"), exitCode });
    });
  });
}
