import { z } from "zod";
import type { LanguageId } from "./languages.ts";

/**
 * A submission of several files, as Kattis takes them (docs/problem-packages.md). The rules
 * for which file or class is the program's entry live here, once, because both ends need
 * them: the API stores the main file's content as the submission's `code`, and the worker
 * compiles and runs the program from that entry.
 */

/** Plain names only: no directories, no leading dot or dash (a file name is also an argv word). */
export const ProgramFileName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, "a plain file name: letters, digits, '_', '.', '-', not starting with '.' or '-'");

export const ProgramFile = z.object({ name: ProgramFileName, content: z.string() });
export type ProgramFile = z.infer<typeof ProgramFile>;

/** At most this many files in one submission. */
export const MAX_PROGRAM_FILES = 64;

/** The languages whose multi-file programs the judge builds; several files in another one is a CE. */
export const multiFileLanguages = ["c", "cpp", "java", "python", "pypy", "prolog"] as const satisfies readonly LanguageId[];

/** Which of a program's files each language compiles (problemtools' `files` globs); the rest lie beside them. */
const sourcePattern: Partial<Record<LanguageId, RegExp>> = {
  c: /\.c$/,
  cpp: /\.(?:cc|C|cpp|cxx|c\+\+)$/,
  java: /\.java$/,
  python: /\.py$/,
  pypy: /\.py$/,
  prolog: /\.pl$/,
};

/** The file names among `names` that `language` compiles or checks, sorted (a stable argv, a stable cache key). */
export function sourceFilesOf(language: LanguageId, names: readonly string[]): string[] {
  const pattern = sourcePattern[language];
  return pattern === undefined ? [] : names.filter((name) => pattern.test(name)).sort();
}

export type ProgramEntry =
  | {
      ok: true;
      /** The file the program starts in; null for C/C++ when no file defines `main` (the link then fails). */
      mainFile: string | null;
      /** Java: the class `java` runs (the one with `public static void main`). */
      mainClass?: string;
    }
  | { ok: false; message: string };

/**
 * Where a program of these files starts, or why it cannot be told (a CE). Java: the class
 * with `public static void main(String[])`, a class named Main when several have one. Python:
 * the single file, else main.py, else the one file with `if __name__ == "__main__"`, else (as
 * problemtools) the first name in order. C/C++: every source is compiled and linked; the main
 * file is the one that defines `main`, for display only. Prolog: every file consulted together.
 */
export function programEntry(language: LanguageId, files: Readonly<Record<string, string>>): ProgramEntry {
  const names = Object.keys(files);
  const sources = sourceFilesOf(language, names);
  if (!(multiFileLanguages as readonly string[]).includes(language)) {
    if (names.length === 1) return { ok: true, mainFile: names[0]! };
    return { ok: false, message: `${language} takes one file; several files are accepted for ${multiFileLanguages.join(", ")}` };
  }
  if (sources.length === 0) return { ok: false, message: `no ${language} source file among ${names.join(", ")}` };
  switch (language) {
    case "c":
    case "cpp":
      return { ok: true, mainFile: sources.find((name) => definesCMain(files[name]!)) ?? null };
    case "java":
      return javaEntry(files, sources);
    case "prolog":
      // Every file is consulted into one saved state (problemtools' -c {files}); the one that
      // defines main/0 is named for display only.
      return { ok: true, mainFile: sources.find((name) => /^main\s*:-/m.test(files[name]!)) ?? sources[0]! };
    default:
      return { ok: true, mainFile: pythonMainFile(files, sources) };
  }
}

/** `int main(` at the start of a line, after comments are gone: good enough to show which file it is. */
function definesCMain(source: string): boolean {
  return /^\s*(?:signed\s+|unsigned\s+)?int\s+main\s*\(/m.test(withoutComments(source));
}

function pythonMainFile(files: Readonly<Record<string, string>>, sources: string[]): string {
  if (sources.length === 1) return sources[0]!;
  const named = sources.find((name) => /^main\.py$/i.test(name));
  if (named !== undefined) return named;
  const guarded = sources.filter((name) => /^if\s+__name__\s*==\s*["']__main__["']\s*:/m.test(files[name]!));
  return guarded.length === 1 ? guarded[0]! : sources[0]!;
}

interface JavaMain {
  file: string;
  className: string;
}

function javaEntry(files: Readonly<Record<string, string>>, sources: string[]): ProgramEntry {
  // The run takes every .class the compile leaves: one sent in would run as if compiled from source.
  const compiled = Object.keys(files).find((name) => name.endsWith(".class"));
  if (compiled !== undefined) return { ok: false, message: `${compiled}: send Java source files, not compiled classes` };
  const mains: JavaMain[] = [];
  for (const file of sources) {
    const code = withoutComments(files[file]!);
    if (/^\s*package\s+[\w.]+\s*;/m.test(code)) {
      return { ok: false, message: `${file}: package declarations are not supported; put every class in the default package` };
    }
    const className = classWithMain(code);
    if (className !== null) mains.push({ file, className });
  }
  if (mains.length === 0) return { ok: false, message: "no class has a `public static void main(String[] args)` method" };
  const chosen = mains.length === 1 ? mains[0]! : mains.find((m) => m.className === "Main");
  if (chosen === undefined) {
    return {
      ok: false,
      message: `several classes have a main method (${mains.map((m) => m.className).join(", ")}); keep one, or name its class Main`,
    };
  }
  return { ok: true, mainFile: chosen.file, mainClass: chosen.className };
}

/**
 * The top-level type that encloses the first `public static void main(String[] args)` (any modifier order): the last one
 * declared at brace depth 0 before it (a nested class declared earlier is not it).
 */
function classWithMain(code: string): string | null {
  const main = [...code.matchAll(/\b((?:[a-z]+\s+)+)void\s+main\s*\(\s*(?:final\s+)?(?:java\.lang\.)?String\b/g)].find((m) =>
    /\bstatic\b/.test(m[1]!) && /\bpublic\b/.test(m[1]!),
  );
  if (main === undefined) return null;
  const declaration = /(?:class|interface|enum|record)\s+([A-Za-z_$][\w$]*)/y;
  let depth = 0;
  let enclosing: string | null = null;
  for (let i = 0; i < main.index; i++) {
    const ch = code[i]!;
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (depth === 0 && (i === 0 || !/[\w$]/.test(code[i - 1]!))) {
      declaration.lastIndex = i;
      const found = declaration.exec(code);
      if (found !== null) {
        enclosing = found[1]!;
        i += found[0].length - 1;
      }
    }
  }
  return enclosing;
}

/** The name a lone Java file must have: javac wants a public class in a file named after it. */
export function javaPublicClass(source: string): string | null {
  return /^\s*(?:(?:abstract|final|strictfp|sealed)\s+)*public\s+(?:(?:abstract|final|strictfp|sealed)\s+)*(?:class|interface|enum|record)\s+([A-Za-z_$][\w$]*)/m.exec(
    withoutComments(source),
  )?.[1] ?? null;
}

/** Comments, string and char literals blanked, so a `main` inside them is not taken for code. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, (m) =>
    m.startsWith('"') ? '""' : m.startsWith("'") ? "''" : m.replace(/[^\n]/g, " "),
  );
}

/**
 * The files of `POST /api/submissions`: 1..64 plain, unique names; together at most `maxBytes`
 * of UTF-8 (MAX_CODE_BYTES, the same bound as one file's code).
 */
export function programFilesSchema(maxBytes: number, length: (text: string) => number) {
  return z
    .array(ProgramFile)
    .min(1, "files is empty")
    .max(MAX_PROGRAM_FILES, `at most ${MAX_PROGRAM_FILES} files`)
    .superRefine((files, ctx) => {
      const seen = new Set<string>();
      for (const [i, file] of files.entries()) {
        if (seen.has(file.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `${file.name} is given twice` });
        seen.add(file.name);
      }
      const bytes = files.reduce((sum, file) => sum + length(file.content), 0);
      if (bytes > maxBytes) ctx.addIssue({ code: "custom", message: `the files are over ${maxBytes} bytes together` });
      if (bytes === 0) ctx.addIssue({ code: "custom", message: "the files are empty" });
    });
}

/** name -> content, in the order given. */
/**
 * What a multi-file submission stores and sends as its `code`: the main file's content, or ""
 * when only compiling can tell (C++ where no file defines main, a set with no entry).
 */
export function mainSourceOf(language: LanguageId, files: Readonly<Record<string, string>>): string {
  const entry = programEntry(language, files);
  return (entry.ok && entry.mainFile !== null ? files[entry.mainFile] : undefined) ?? "";
}

export function filesRecord(files: readonly ProgramFile[]): Record<string, string> {
  return Object.fromEntries(files.map((file) => [file.name, file.content]));
}
