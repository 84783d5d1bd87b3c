import type { CompileStep } from "./language.ts";

/**
 * For interpreted languages: a "compile" step that only runs the toolchain's own syntax check
 * on the source (no user code executes) and keeps the source as the program, so a syntax error
 * is a CE with the interpreter's message instead of an RE on the first test.
 */
export function syntaxCheck(argv: readonly string[], sourceName: string): CompileStep {
  return { argv, keep: (name) => name === sourceName };
}
