import { ExpectedResult, MAX_CODE_BYTES, type LanguageId } from "@judge/protocol";
import type { PackageFiles } from "./package-files.ts";

/**
 * Languages by file extension, as Kattis maps them (its languages.yaml), to this judge's ids.
 * An extension that is absent has no language here: the submission is reported as skipped.
 * `.py` is Python 3 (Kattis' Python 2 is gone); `.h`/`.hpp` are headers, not submissions.
 */
const languageOfExtension: Readonly<Record<string, LanguageId>> = {
  c: "c",
  cc: "cpp",
  cpp: "cpp",
  cxx: "cpp",
  "c++": "cpp",
  C: "cpp",
  py: "python",
  py3: "python",
  java: "java",
  js: "javascript",
  ts: "typescript",
  go: "go",
  rs: "rust",
  rb: "ruby",
  php: "php",
  cs: "csharp",
  kt: "kotlin",
  hs: "haskell",
  pas: "pascal",
  lua: "lua",
};

/** One submission of a package, as stored (package_submissions) and judged by a verification. */
export interface PackageSubmission {
  /** under submissions/, e.g. "accepted/sol.c" or "accepted/multi" (a folder) */
  path: string;
  expected: ExpectedResult;
  /** null: not judged, `skipped` says why */
  language: LanguageId | null;
  /** its files by path inside the submission (one, by its own name, for a single file) */
  files: Record<string, string>;
  skipped: string | null;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * `submissions/<expected>/<file or folder>` of a package. A folder that is not an expected result
 * (or a file directly in submissions/, such as 2023-07's submissions.yaml) is not a submission and
 * is left alone; nothing here warns (the import's warnings are about the problem itself).
 */
export function packageSubmissionsOf(files: PackageFiles): PackageSubmission[] {
  const grouped = new Map<string, { expected: ExpectedResult; entries: Map<string, Uint8Array>; folder: boolean }>();
  for (const [path, content] of files) {
    const parts = path.split("/");
    if (parts[0] !== "submissions" || parts.length < 3) continue;
    const expected = ExpectedResult.safeParse(parts[1]);
    if (!expected.success) continue;
    const key = `${parts[1]}/${parts[2]}`;
    const group = grouped.get(key) ?? { expected: expected.data, entries: new Map(), folder: parts.length > 3 };
    group.entries.set(parts.slice(parts.length > 3 ? 3 : 2).join("/"), content);
    grouped.set(key, group);
  }
  return [...grouped.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
    .map(([path, group]) => submissionOf(path, group.expected, group.entries, group.folder));
}

function submissionOf(path: string, expected: ExpectedResult, entries: Map<string, Uint8Array>, folder: boolean): PackageSubmission {
  const texts: Record<string, string> = {};
  for (const [name, content] of entries) {
    try {
      texts[name] = decoder.decode(content);
    } catch {
      return { path, expected, language: null, files: {}, skipped: `${name} is not UTF-8 text` };
    }
  }
  const language = languageOf(Object.keys(texts));
  const bytes = [...entries.values()].reduce((sum, content) => sum + content.length, 0);
  const skipped =
    language === null
      ? `no language here for ${folder ? "its files" : `.${extensionOf(path)}`}`
      : expected === "partially_accepted"
        ? "partially_accepted needs scores"
        : folder
          ? multiFileSkip()
          : bytes > MAX_CODE_BYTES
            ? `over ${MAX_CODE_BYTES / 1024} KiB, the most a submission may have`
            : null;
  return { path, expected, language, files: texts, skipped };
}

/**
 * A folder is a multi-file submission; the judge takes single files only so far. The one place
 * to change when multi-file submissions can be sent.
 */
function multiFileSkip(): string {
  return "multi-file";
}

/** A submission's language: its files' one known language (a folder's headers and data aside). */
function languageOf(names: readonly string[]): LanguageId | null {
  const languages = new Set(names.map((n) => languageOfExtension[extensionOf(n)]).filter((l): l is LanguageId => l !== undefined));
  const [only] = languages;
  return languages.size === 1 && only !== undefined ? only : null;
}

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1);
}
