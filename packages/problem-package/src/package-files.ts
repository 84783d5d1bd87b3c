import { readdir, readFile, readlink, realpath, stat } from "node:fs/promises";
import { join, posix, sep } from "node:path";
import { unzipSync } from "fflate";
import { PackageError } from "./errors.ts";
import { symlinkEntries } from "./zip-modes.ts";

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

/** Links followed one through another at most this many times (Linux' own limit is 40). */
const MAX_LINK_HOPS = 40;

/**
 * Unpack a zip (the API, and the CLI given a .zip). A zip made with `zip -r p.zip p/` has one
 * top directory: it is stripped, and its name is returned as the package's name. Symbolic
 * links (`zip -ry`) are followed as filesFromDirectory follows them: to a file or a folder
 * inside the package, else refused, naming the link.
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
  const symlinks = symlinkEntries(zip);
  const regular = new Map<string, Uint8Array>();
  const links = new Map<string, string>();
  for (const name of names) {
    const path = topDir === null ? name : name.slice(topDir.length + 1);
    if (symlinks.has(name)) links.set(path, linkText.decode(entries[name]!));
    else regular.set(path, entries[name]!);
  }
  return { files: followLinks(regular, links, label, total), topDir };
}

const linkText = new TextDecoder("utf-8");

/** The regular files plus, at each link's path, what it leads to (a file, or a folder's files). */
function followLinks(regular: Map<string, Uint8Array>, links: ReadonlyMap<string, string>, label: string, unpacked: number): PackageFiles {
  if (links.size === 0) return regular;
  const files = new Map(regular);
  let total = unpacked;
  const add = (path: string, content: Uint8Array) => {
    total += content.length;
    if (total > MAX_PACKAGE_BYTES) throw new PackageError(label, null, `unpacks to over ${MAX_PACKAGE_BYTES} bytes (with its links followed)`);
    files.set(path, content);
  };
  // `at`: where the link's content goes; `origin`: the link the following began at, named by a loop
  const follow = (link: string, at: string, origin: string, hops: number): void => {
    const target = links.get(link)!;
    if (hops > MAX_LINK_HOPS) throw new PackageError(label, origin, "a symbolic link that loops");
    const resolved = target.startsWith("/") ? null : posix.normalize(posix.join(posix.dirname(link), target));
    if (resolved === null || resolved === ".." || resolved.startsWith("../")) throw new PackageError(label, link, `a symbolic link to ${target}, outside the package`);
    const path = resolved === "." ? "" : resolved.replace(/\/$/, "");
    const file = regular.get(path);
    if (file !== undefined) {
      add(at, file);
      return;
    }
    if (links.has(path)) {
      follow(path, at, origin, hops + 1);
      return;
    }
    const prefix = path === "" ? "" : `${path}/`;
    let found = false;
    for (const [inner, content] of regular) {
      if (inner.startsWith(prefix)) {
        found = true;
        add(`${at}/${inner.slice(prefix.length)}`, content);
      }
    }
    for (const inner of links.keys()) {
      if (inner.startsWith(prefix)) {
        found = true;
        follow(inner, `${at}/${inner.slice(prefix.length)}`, origin, hops + 1);
      }
    }
    if (!found) throw new PackageError(label, link, `a symbolic link to ${target}, which does not exist`);
  };
  for (const link of links.keys()) follow(link, link, link, 0);
  return files;
}
