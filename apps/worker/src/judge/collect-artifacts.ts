import { constants } from "node:fs";
import { type FileHandle, mkdir, open, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export type Collected = { ok: true; files: string[]; bytes: number } | { ok: false; bytes: number };

/**
 * Copy the files a compile produced from the sandbox user's scratch directory into `dest`
 * (created, root-owned), unless together they are bigger than `maxBytes` (then nothing is copied:
 * the caller makes that a CE). The scratch is hostile ground: only regular files directly in it,
 * opened with O_NOFOLLOW and checked with fstat, so a symlink or FIFO planted there is skipped
 * instead of making the worker read a host file or hang.
 */
export async function collectArtifacts(scratch: string, dest: string, keep: (name: string) => boolean, maxBytes: number): Promise<Collected> {
  const handles: Array<{ name: string; handle: FileHandle; size: number; mode: number }> = [];
  try {
    for (const entry of await readdir(scratch, { withFileTypes: true })) {
      if (!entry.isFile() || !keep(entry.name) || entry.name.includes("/")) continue;
      const handle = await open(join(scratch, entry.name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      const stat = await handle.stat();
      if (!stat.isFile()) {
        await handle.close();
        continue;
      }
      handles.push({ name: entry.name, handle, size: stat.size, mode: stat.mode });
    }
    const bytes = handles.reduce((sum, h) => sum + h.size, 0);
    if (bytes > maxBytes) return { ok: false, bytes };
    await mkdir(dest, { recursive: true, mode: 0o755 });
    let copied = 0;
    for (const { name, handle, size, mode } of handles) {
      // At most what fstat said: the box is gone, but a read must never outgrow the bound.
      const content = Buffer.alloc(size);
      const { bytesRead } = await handle.read(content, 0, size, 0);
      // Executable for everyone if the compiler made it executable: the sandbox user runs it.
      await writeFile(join(dest, name), content.subarray(0, bytesRead), { mode: mode & 0o100 ? 0o755 : 0o644 });
      copied += bytesRead;
    }
    return { ok: true, files: handles.map((h) => h.name), bytes: copied };
  } finally {
    for (const { handle } of handles) await handle.close();
  }
}
