import { constants } from "node:fs";
import { mkdir, open, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Largest single artifact copied out of a compile, bytes. */
export const MAX_ARTIFACT_BYTES = 256 * 2 ** 20;

/**
 * Copy the files a compile produced from the sandbox user's scratch directory into `dest`
 * (created, root-owned). The scratch is hostile ground: only regular files directly in it,
 * opened with O_NOFOLLOW and checked with fstat, so a symlink or FIFO planted there is skipped
 * instead of making the worker read a host file or hang. Returns the names copied.
 */
export async function collectArtifacts(scratch: string, dest: string, keep: (name: string) => boolean): Promise<string[]> {
  await mkdir(dest, { recursive: true, mode: 0o755 });
  const copied: string[] = [];
  for (const entry of await readdir(scratch, { withFileTypes: true })) {
    if (!entry.isFile() || !keep(entry.name) || entry.name.includes("/")) continue;
    const handle = await open(join(scratch, entry.name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size > MAX_ARTIFACT_BYTES) continue;
      const content = await handle.readFile();
      // Executable for everyone if the compiler made it executable: the sandbox user runs it.
      await writeFile(join(dest, entry.name), content, { mode: stat.mode & 0o100 ? 0o755 : 0o644 });
      copied.push(entry.name);
    } finally {
      await handle.close();
    }
  }
  return copied;
}
