import { type CompileStep, PROG_DIR, type ProgramEntry } from "./language.ts";

/**
 * For interpreted languages: a "compile" step that only runs the toolchain's own syntax check
 * on the source (no user code executes) and keeps the source as the program, so a syntax error
 * is a CE with the interpreter's message instead of an RE on the first test.
 */
export function syntaxCheck(argv: readonly string[], sourceName: string): CompileStep {
  return { argv, keep: (name) => name === sourceName };
}

/**
 * Python's syntax check over every source file in /box: a function problem's program is the
 * driver (main.py) and the user's code beside it (solution.py), and a SyntaxError in either is a
 * CE with the file's own name and line. A stdin problem has main.py alone, checked as before.
 */
export function pythonSyntaxCheck(interpreter: string): CompileStep {
  const step = syntaxCheck(["/bin/sh", "-c", 'exec "$0" -I -m py_compile /box/*.py', interpreter], "main.py");
  // A multi-file submission's .py files are all in /box too: the same check covers them.
  return { ...step, argvFor: () => step.argv };
}

/**
 * How a Python program starts. One file: -I (no PYTHON* variables, no user site, the script's
 * directory not on sys.path). Several: the entry file, with its directory on sys.path so it
 * imports its sibling modules (-E -s keep the rest of -I); -B: /prog is read-only anyway.
 */
export function pythonArgv(interpreter: string, entry: ProgramEntry | null | undefined): string[] {
  if (entry === null || entry === undefined) return [interpreter, "-I", "-B", `${PROG_DIR}/main.py`];
  return [interpreter, "-E", "-s", "-B", `${PROG_DIR}/${entry.mainFile}`];
}
