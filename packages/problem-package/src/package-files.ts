import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { unzipSync } from "fflate";
import { PackageError } from "./errors.ts";

/** A package's files by path relative to its root ("problem.yaml", "data/secret/1.in"). */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

/** Unpacked size a package may have, bytes: a zip bomb stops here. */
export const MAX_PACKAGE_BYTES = 256 * 2 ** 20;

/** Read a package directory (the CLI). Symlinks are skipped: a package is plain files. */
export async function filesFromDirectory(root: string): Promise<PackageFiles> {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const content = await readFile(full);
    total += content.length;
    if (total > MAX_PACKAGE_BYTES) throw new PackageError(root, null, `the package is over ${MAX_PACKAGE_BYTES} bytes`);
    files.set(relative(root, full).split("\\").join("/"), content);
  }
  return files;
}

/**
 * Unpack a zip (the API). A zip made with `zip -r p.zip p/` has one top directory: it is
 * stripped, and its name is returned as the package's name.
 */
export function filesFromZip(zip: Uint8Array, label: string): { files: PackageFiles; topDir: string | null } {
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_PACKAGE_BYTES) throw new PackageError(label, null, `unpacks to over ${MAX_PACKAGE_BYTES} bytes`);
        return !file.name.endsWith("/");
      },
    });
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError(label, null, `not a readable zip file (${error instanceof Error ? error.message : String(error)})`);
  }
  const names = Object.keys(entries).filter((name) => !name.startsWith("__MACOSX/"));
  for (const name of names) {
    if (name.startsWith("/") || name.split("/").includes("..")) throw new PackageError(label, name, "a path that leaves the package");
  }
  const tops = new Set(names.map((name) => (name.includes("/") ? name.slice(0, name.indexOf("/")) : "")));
  const [only] = tops;
  const topDir = tops.size === 1 && only !== undefined && only !== "" && !names.includes("problem.yaml") ? only : null;
  const files = new Map<string, Uint8Array>();
  for (const name of names) files.set(topDir === null ? name : name.slice(topDir.length + 1), entries[name]!);
  return { files, topDir };
}
