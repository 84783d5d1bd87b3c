import type { CheckerSpec, Difficulty, FunctionSpec, Limits } from "@judge/protocol";
import type { TestData } from "../bundle.ts";

/** A sample problem as the code defines it; `seedProblems` turns it into rows. */
export interface ProblemDefinition {
  slug: string;
  title: string;
  difficulty: Difficulty;
  tags: string[];
  /** Markdown with $inline math$. */
  statement: string;
  limits: Limits;
  checker: CheckerSpec;
  /** Shown in the statement; they run first, as tests 1..k. */
  samples: TestData[];
  /** Generated on demand: some are megabytes. */
  hidden(): TestData[];
  /**
   * A function problem (docs/function-problems.md): its signature, comparison and reference
   * solutions. Its tests are LeetCode's: one JSON value per parameter line, the expected JSON.
   */
  function?: FunctionSpec;
}

export const MIB_IN_KB = 1024;
