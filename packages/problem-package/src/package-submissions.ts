import { ExpectedResult, MAX_CODE_BYTES, MAX_PROGRAM_FILES, type LanguageId, ProgramFileName, programEntry } from "@judge/protocol";
import { languageOfSubmission } from "./kattis-languages.ts";
import type { PackageFiles } from "./package-files.ts";

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
  if (language === "python" && Object.values(texts).some(isPython2)) {
    return { path, expected, language: null, files: texts, skipped: "Python 2 (its #! line says so), which the judge does not offer" };
  }
  const bytes = [...entries.values()].reduce((sum, content) => sum + content.length, 0);
  const skipped =
    language === null
      ? `no language here for ${folder ? "its files" : `.${extensionOf(path)}`}`
      : folder
          ? multiFileSkip(language, texts)
          : bytes > MAX_CODE_BYTES
            ? `over ${MAX_CODE_BYTES / 1024} KiB, the most a submission may have`
            : null;
  return { path, expected, language, files: texts, skipped };
}

/**
 * A folder is a multi-file submission, judged as one when its files are plain names the API
 * would take and its language builds several (programEntry); else why not.
 */
function multiFileSkip(language: LanguageId, texts: Readonly<Record<string, string>>): string | null {
  const names = Object.keys(texts);
  const bad = names.find((name) => !ProgramFileName.safeParse(name).success);
  if (bad !== undefined) return `${bad}: a submission's files must be plain names in one folder`;
  if (names.length > MAX_PROGRAM_FILES) return `over ${MAX_PROGRAM_FILES} files`;
  const entry = programEntry(language, texts);
  return entry.ok ? null : entry.message;
}

/** A submission's language: its files' one known language (a folder's headers and data aside). */
function languageOf(names: readonly string[]): LanguageId | null {
  const languages = new Set(names.map(languageOfSubmission).filter((l): l is LanguageId => l !== null));
  const [only] = languages;
  return languages.size === 1 && only !== undefined ? only : null;
}

/** problemtools tells Python 2 from 3 by the `#!` line (its languages.yaml `shebang`). */
function isPython2(source: string): boolean {
  return /^#!.*\bpython2(\.\d+)?\b/.test(source.split("\n", 1)[0] ?? "");
}

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1);
}
