import type { LanguageId, Signature } from "@judge/protocol";

/**
 * The files of a function problem's program: the user's code, LeetCode's implicit prelude and
 * the generated driver (docs/function-problems.md). `main` is the language's usual source name
 * (the one its compile step names); the other files sit beside it in /box.
 */
export interface FunctionProgram {
  main: string;
  files: Readonly<Record<string, string>>;
}

/** One language's LeetCode conventions: what the user starts from, and how their code is called. */
export interface FunctionLanguage {
  id: LanguageId;
  /** The starter code exactly as LeetCode shows it for this signature. */
  starter(signature: Signature): string;
  /** The user's code wrapped into a program that reads the box format on stdin and writes results on fd 3. */
  program(signature: Signature, code: string): FunctionProgram;
}
