import { readdir, readFile, readlink, realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import { unzipSync } from "fflate";
import { PackageError } from "./errors.ts";

/** A package's files by path relative to its root ("problem.yaml", "data/secret/1.in"). */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

/** Unpacked size a package may have, bytes: a zip bomb stops here. */
export const MAX_PACKAGE_BYTES = 256 * 2 ** 20;

/**
 * Read a package directory (the CLI). A symbolic link is followed when its target is inside
 * the package (legacy packages link data/sample/1.in to ../secret/1.in) and refused, naming
 * it, when it leads outside or nowhere.
 */
export async function filesFromDirectory(root: string): Promise<PackageFiles> {
  const files = new Map<string, Uint8Array>();
  const realRoot = await realpath(root);
  let total = 0;
  const walk = async (dir: string, prefix: string, ancestors: ReadonlySet<string>): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      let target = join(dir, entry.name);
      let kind: "file" | "dir" | "other" = entry.isFile() ? "file" : entry.isDirectory() ? "dir" : "other";
      if (entry.isSymbolicLink()) {
        const link = await readlink(target);
        try {
          target = await realpath(target);
        } catch {
          throw new PackageError(root, path, `a symbolic link to ${link}, which does not exist`);
        }
        if (target !== realRoot && !target.startsWith(`${realRoot}${sep}`)) {
          throw new PackageError(root, path, `a symbolic link to ${link}, outside the package`);
        }
        const info = await stat(target);
        kind = info.isFile() ? "file" : info.isDirectory() ? "dir" : "other";
      }
      if (kind === "dir") {
        const real = await realpath(target);
        if (ancestors.has(real)) throw new PackageError(root, path, "a symbolic link that loops back to its own folder");
        await walk(target, `${path}/`, new Set([...ancestors, real]));
      } else if (kind === "file") {
        const content = await readFile(target);
        total += content.length;
        if (total > MAX_PACKAGE_BYTES) throw new PackageError(root, null, `the package is over ${MAX_PACKAGE_BYTES} bytes`);
        files.set(path, content);
      }
    }
  };
  await walk(root, "", new Set([realRoot]));
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
