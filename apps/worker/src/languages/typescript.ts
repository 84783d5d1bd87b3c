import { stat } from "node:fs/promises";
import { type Language, PROG_DIR } from "./language.ts";
import { versionIn } from "./probe.ts";

const NODE = "/usr/bin/node";
/** Debian's node-typescript. */
const TYPESCRIPT = "/usr/share/nodejs/typescript";

/**
 * Transpile only: syntax errors are a CE, type errors are not. Debian has no @types/node, so a
 * full type check would reject the starter's own `import { readFileSync } from "fs"`, and
 * competitive code is judged on what it prints; transpiling also skips loading lib.d.ts, which
 * keeps the compile well under a second. The emitted code does not keep the source's lines (a
 * function problem's prelude shares the user's first line), so the source map goes inline and
 * node --enable-source-maps reports errors at main.ts's own lines. This script is ours, never
 * user text.
 */
const TRANSPILE = `
const ts = require(${JSON.stringify(TYPESCRIPT)});
const fs = require("fs");
const out = ts.transpileModule(fs.readFileSync("/box/main.ts", "utf8"), {
  fileName: "main.ts",
  reportDiagnostics: true,
  compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, inlineSourceMap: true, inlineSources: true },
});
const errors = (out.diagnostics || []).filter((d) => d.category === ts.DiagnosticCategory.Error);
if (errors.length > 0) {
  process.stderr.write(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => "/box", getNewLine: () => "\\n" }));
  process.exit(1);
}
fs.writeFileSync("/box/main.js", out.outputText);
`;

export const typescript: Language = {
  id: "typescript",
  sourceName: "main.ts",
  async detect({ probe }) {
    const present = await stat(`${TYPESCRIPT}/package.json`).then((s) => s.isFile(), () => false);
    if (!present) return null;
    const version = versionIn(await probe(NODE, ["-p", `require(${JSON.stringify(TYPESCRIPT)}).version`]), /^(\d+\.\d+\.\d+)/);
    if (version === null) return null;
    return {
      version: `TypeScript ${version}`,
      compile: { argv: [NODE, "-e", TRANSPILE], keep: (name) => name === "main.js" },
      run: ({ memoryBytes, stackBytes }) => ({
        argv: [
          NODE,
          `--max-old-space-size=${Math.max(16, Math.floor(memoryBytes / 2 ** 20))}`,
          `--stack-size=${Math.max(984, Math.min(65_536, Math.floor((stackBytes / 1024) * 0.8)))}`,
          "--enable-source-maps",
          `${PROG_DIR}/main.js`,
        ],
        outOfMemory: /JavaScript heap out of memory|Reached heap limit/,
      }),
    };
  },
};
