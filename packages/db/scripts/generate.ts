/**
 * `prisma generate` for the client in src/generated (run by the root `postinstall`).
 * The CLI refuses to start unless it finds a native schema engine, which cannot be downloaded
 * here; generate never runs it, so any existing file satisfies the check (ENVIRONMENT.md).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../../../..");
// Not an exported subpath, so find it next to the package.json (it is the `prisma` bin).
const prismaCli = resolve(dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build/index.js");
const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", resolve(root, "prisma/schema.prisma")], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env["PRISMA_SCHEMA_ENGINE_BINARY"] ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exitCode = result.status ?? 1;
