import type { FunctionProgram } from "@judge/function-problems";
import { type LanguageId, ProgramFileName, javaPublicClass, programEntry, sourceFilesOf } from "@judge/protocol";
import { type ProgramEntry, languageStrategies } from "../languages/index.ts";

/** A submission of several files as the user named them (or one Java file), laid out by its language's rules. */
export interface SubmittedProgram {
  submitted: Readonly<Record<string, string>>;
}

/**
 * A program's source: one file (the code is the language's source file), several files of a
 * function problem (the driver as the main file, the user's code and the prelude beside it,
 * docs/function-problems.md), or a multi-file submission (docs/problem-packages.md).
 */
export type ProgramSource = string | FunctionProgram | SubmittedProgram;

/** Thrown for a function program whose main file is not the one the language's compile step names. */
export class ProgramShapeError extends Error {
  readonly code = "PROGRAM_SHAPE";
  constructor(message: string) {
    super(message);
    this.name = "ProgramShapeError";
  }
}

/**
 * The files to write into /box and, for a program that is not the language's one source file,
 * where it starts (compile and run steps take it); or the user's mistake, a CE.
 */
export type ProgramLayout =
  | { ok: true; files: Readonly<Record<string, string>>; entry: ProgramEntry | null; single: boolean }
  | { ok: false; message: string };

export function programLayout(language: LanguageId, source: ProgramSource): ProgramLayout {
  const sourceName = languageStrategies[language]!.sourceName;
  if (typeof source === "string") {
    // javac wants a public class in a file of its name: Kattis takes `public class Foo` as well.
    if (language === "java") return javaSingleFile(source);
    return { ok: true, files: { [sourceName]: source }, entry: null, single: true };
  }
  if ("submitted" in source) return submittedLayout(language, source.submitted);
  if (source.main !== sourceName) throw new ProgramShapeError(`${language}: the main file is ${sourceName}, not ${source.main}`);
  if (source.files[sourceName] === undefined) throw new ProgramShapeError(`${language}: no ${sourceName} among the program's files`);
  for (const name of Object.keys(source.files)) {
    if (!ProgramFileName.safeParse(name).success) throw new ProgramShapeError(`${language}: bad file name ${JSON.stringify(name)}`);
  }
  return { ok: true, files: source.files, entry: null, single: false };
}

function submittedLayout(language: LanguageId, files: Readonly<Record<string, string>>): ProgramLayout {
  const names = Object.keys(files);
  for (const name of names) {
    // The API checked them; a job is parsed again here, but a name is an argv word: check once more.
    if (!ProgramFileName.safeParse(name).success) return { ok: false, message: `bad file name ${JSON.stringify(name)}` };
  }
  const entry = programEntry(language, files);
  if (!entry.ok) return { ok: false, message: entry.message };
  const sources = sourceFilesOf(language, names);
  // One source file and nothing beside it is the one-file program it always was, under the language's name.
  if (language !== "java" && names.length === 1) {
    return { ok: true, files: { [languageStrategies[language]!.sourceName]: files[names[0]!]! }, entry: null, single: true };
  }
  return {
    ok: true,
    files,
    entry: { sources, mainFile: entry.mainFile ?? sources[0]!, ...(entry.mainClass ? { mainClass: entry.mainClass } : {}) },
    single: false,
  };
}

/**
 * One Java file, named after its public class (Main.java when it has none). The class with
 * `main` is run; where none can be told the file stays Main.java with class Main, so javac and
 * java give their own messages as before.
 */
function javaSingleFile(code: string): ProgramLayout {
  const name = `${javaPublicClass(code) ?? "Main"}.java`;
  const entry = programEntry("java", { [name]: code });
  if (!entry.ok || entry.mainClass === undefined) return { ok: true, files: { "Main.java": code }, entry: null, single: true };
  if (name === "Main.java" && entry.mainClass === "Main") return { ok: true, files: { "Main.java": code }, entry: null, single: true };
  return { ok: true, files: { [name]: code }, entry: { sources: [name], mainFile: name, mainClass: entry.mainClass }, single: true };
}
