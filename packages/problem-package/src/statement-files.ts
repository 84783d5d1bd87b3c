import type { PackageFiles } from "./package-files.ts";

/** A file a statement shows or offers (an image, an attachment), served beside the problem. */
export interface StatementFile {
  name: string;
  contentType: string;
  content: Uint8Array;
  /** from attachments/: offered as a download below the statement */
  attachment: boolean;
}

/** Content types served as they are; anything else is served as a download. */
const contentTypes: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8",
};

/** Extensions `\includegraphics{name}` may leave out, tried in this order. */
const implicitExtensions = ["", ".png", ".jpg", ".jpeg", ".pdf", ".svg", ".gif"];

const statementDirs = ["statement/", "problem_statement/"];

/** File names the URL path can carry as they are. */
const safeName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function contentTypeOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return (dot < 0 ? undefined : contentTypes[name.slice(dot).toLowerCase()]) ?? "application/octet-stream";
}

/**
 * The files beside the statements (statement/ and problem_statement/, the statements themselves
 * left out) and those in attachments/, by name; statement files win a clash.
 */
export function statementFilesOf(files: PackageFiles): Map<string, StatementFile> {
  const found = new Map<string, StatementFile>();
  const add = (path: string, dir: string) => {
    const name = path.slice(dir.length);
    if (!safeName.test(name) || found.has(name)) return;
    if (dir !== "attachments/" && /^problem(\.[A-Za-z-]+)?\.(md|tex)$/.test(name)) return;
    found.set(name, { name, contentType: contentTypeOf(name), content: files.get(path)!, attachment: dir === "attachments/" });
  };
  for (const dir of [...statementDirs, "attachments/"]) {
    for (const path of [...files.keys()].sort()) if (path.startsWith(dir)) add(path, dir);
  }
  return found;
}

/** The stored file a statement's reference means, if the package has it. */
export function resolveStatementFile(reference: string, available: ReadonlyMap<string, StatementFile>): StatementFile | undefined {
  const name = reference.replace(/^\.\//, "");
  for (const extension of implicitExtensions) {
    const file = available.get(`${name}${extension}`);
    if (file !== undefined) return file;
  }
  return undefined;
}

/** Markdown image and link targets that name a package file become `${base}/<name>`. */
export function rewriteFileReferences(markdown: string, available: ReadonlyMap<string, StatementFile>, base: string): string {
  return markdown.replace(/(\]\(\s*)<?([^)\s>]+)>?/g, (whole, open: string, target: string) => {
    const file = resolveStatementFile(target, available);
    return file === undefined ? whole : `${open}${base}/${file.name}`;
  });
}
