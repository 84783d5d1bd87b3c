import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { SandboxError } from "../sandbox/errors.ts";

/**
 * bwrap opens bind sources as the sandbox user, so every directory above the work and cache
 * directories must let that user pass (x). Checked once at start-up, where a clear message is
 * worth more than an EACCES from inside bwrap on every run.
 */
export async function assertTraversable(path: string, uid: number, gid: number): Promise<void> {
  let dir = resolve(path);
  for (;;) {
    const s = await stat(dir);
    const bit = s.uid === uid ? 0o100 : s.gid === gid ? 0o010 : 0o001;
    if ((s.mode & bit) === 0) {
      throw new SandboxError(`${dir} is not traversable by the sandbox user ${uid}:${gid}; choose other directories or chmod o+x`);
    }
    if (dir === "/") return;
    dir = dirname(dir);
  }
}
