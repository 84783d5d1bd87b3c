import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "@judge/config";
import { aliasState, ownerState } from "../sandbox/box-owner.ts";
import { parseMounts } from "../sandbox/cgroup.ts";
import { unmountAndRemove } from "./scratch-mounts.ts";

/**
 * Names made today embed the owner's alias (`w-<alias>-<n>`, `check-<alias>-<hex>`,
 * `<alias>-<hex>`); earlier ones its token (`w<token>-<n>`, …) or only a pid (`box-<pid>-<hex>`,
 * `<pid>-<hex>`), which is called stale only when no process has that pid: never remove on a guess.
 */
async function pidGone(name: string): Promise<boolean> {
  const pid = /^(?:box-|check-)?(\d+)-[0-9a-f]+$/.exec(name)?.[1];
  if (pid === undefined) return false;
  return readFile(`/proc/${pid}/stat`).then(() => false, () => true);
}

async function isStale(name: string): Promise<boolean> {
  const alias = /^(?:w-|check-)?([0-9a-f]{16})-[0-9a-z]+$/.exec(name)?.[1];
  if (alias !== undefined) return aliasState(alias) === "dead";
  const token = /^(?:w|check-)?(\d+\.\d+\.\d+)-[0-9a-z]+$/.exec(name)?.[1];
  if (token !== undefined) return ownerState(token) === "dead";
  return pidGone(name);
}

/** Mount points strictly under `dir`, deepest first. */
async function mountsUnder(dir: string): Promise<string[]> {
  const mounts = parseMounts(await readFile("/proc/self/mounts", "utf8"));
  return mounts
    .map((m) => m.mountPoint)
    .filter((p) => p.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
}

/**
 * Remove what dead workers left in the compile work directory (their tmpfs slots unmounted first,
 * and checker directories) and in the artifact cache (half-built entries, checkouts, evicted
 * entries not yet deleted). A live worker's directories, and anything not named by us, stay.
 * Run after the stale boxes are killed, so nothing still writes there.
 */
export async function sweepStaleScratch(workDir: string, cacheRoot: string, logger: Logger): Promise<number> {
  let removed = 0;
  for (const name of await readdir(workDir).catch(() => [] as string[])) {
    if (!(await isStale(name))) continue;
    const dir = join(workDir, name);
    for (const mount of await mountsUnder(dir)) await unmountAndRemove(mount, logger);
    await rm(dir, { recursive: true, force: true });
    removed++;
  }
  for (const area of ["tmp", "inuse", "trash"]) {
    const parent = join(cacheRoot, area);
    for (const name of await readdir(parent).catch(() => [] as string[])) {
      if (!(await isStale(name))) continue;
      await rm(join(parent, name), { recursive: true, force: true });
      removed++;
    }
  }
  if (removed > 0) logger.warn({ removed }, "swept stale compile scratch and cache directories");
  return removed;
}
