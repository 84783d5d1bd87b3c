import type { CompileStep } from "./language.ts";

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
  return syntaxCheck(["/bin/sh", "-c", 'exec "$0" -I -m py_compile /box/*.py', interpreter], "main.py");
}
